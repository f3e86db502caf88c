// The fulfillment worker's configuration, validated once at start-up.
// Packing slips carry shoppers' addresses, so the embedded store keeps them in a folder of their own
// (EMPORIUM_DOCUMENTS_DIR, default <EMPORIUM_DATA_DIR>/documents), never in MEDIA_DIR, which the catalog
// serves to anyone; on S3, S3_BUCKET likewise names a private bucket, not the public media one.
import path from "node:path";
import { z } from "zod";
import { env, loadEnvOrExit } from "@emporium/config";
import { DEFAULT_DATA_DIR } from "@emporium/db";
import { brokerEnv } from "@emporium/runtime";
import { checkObjectStoreEnv, objectStoreEnv, s3OptionsFromEnv } from "@emporium/storage";

const schema = z
  .object({
    DATABASE_URL: env.postgresUrl(),
    ...brokerEnv,
    ...objectStoreEnv,
    EMPORIUM_DATA_DIR: z.string().default(DEFAULT_DATA_DIR),
    EMPORIUM_DOCUMENTS_DIR: z.string().optional(),
    FULFILLMENT_HOST: z.string().default("127.0.0.1"),
    FULFILLMENT_PORT: env.port(4023),
    FULFILLMENT_CONCURRENCY: env.positiveInt(4),
    CARRIER_STEP_MS: env.positiveInt(5_000),
    CARRIER_POLL_MS: z.coerce.number().int().positive().optional(),
    LOG_LEVEL: env.logLevel(),
    LOG_FORMAT: env.logFormat(),
  })
  .superRefine(checkObjectStoreEnv);

export type FulfillmentEnv = ReturnType<typeof loadFulfillmentEnv>;

export function loadFulfillmentEnv(source: NodeJS.ProcessEnv = process.env) {
  const e = loadEnvOrExit(schema, source);
  const dataDir = path.resolve(e.EMPORIUM_DATA_DIR);
  return {
    ...e,
    objectStore: {
      s3: s3OptionsFromEnv(e),
      localDir: path.resolve(e.EMPORIUM_DOCUMENTS_DIR ?? path.join(dataDir, "documents")),
    },
  };
}
