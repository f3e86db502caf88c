// The fulfillment worker's configuration, validated once at start-up.
// Packing slips carry shoppers' addresses, so the embedded store keeps them in a folder of their own
// (EMPORIUM_DOCUMENTS_DIR, default <EMPORIUM_DATA_DIR>/documents), never in MEDIA_DIR, which the catalog
// serves to anyone; on S3, S3_BUCKET likewise names a private bucket, not the public media one.
import path from "node:path";
import { z } from "zod";
import { env, loadEnvOrExit } from "@emporium/config";
import { checkKafkaSecurityEnv } from "@emporium/config/kafka";
import { DEFAULT_DATA_DIR } from "@emporium/db";
import { brokersEnvShape, logShippingEnvShape } from "@emporium/runtime";
import { checkObjectStoreEnv, objectStoreEnv, s3OptionsFromEnv } from "@emporium/storage";
import { tracingEnvShape } from "@emporium/runtime/tracing";

/** Exported so docs/configuration.md can be generated from it; `.describe` says what each is for. */
export const fulfillmentEnvSchema = z
  .object({
    DATABASE_URL: env.postgresUrl().describe("PostgreSQL connection string (the fulfillment schema)."),
    ...brokersEnvShape,
    ...objectStoreEnv,
    S3_BUCKET: objectStoreEnv.S3_BUCKET.describe(
      "Packing slips in this private S3 bucket (never the public media one); unset: in EMPORIUM_DOCUMENTS_DIR.",
    ),
    EMPORIUM_DATA_DIR: z
      .string()
      .default(DEFAULT_DATA_DIR)
      .describe("Where embedded data lives; the default home of EMPORIUM_DOCUMENTS_DIR."),
    EMPORIUM_DOCUMENTS_DIR: z
      .string()
      .optional()
      .describe("Packing slips without S3, a private folder; unset: <EMPORIUM_DATA_DIR>/documents."),
    FULFILLMENT_HOST: z.string().default("127.0.0.1").describe("The interface the ops endpoints listen on."),
    FULFILLMENT_PORT: env.port(4023).describe("/healthz, /readyz and /metrics."),
    FULFILLMENT_CONCURRENCY: env
      .positiveInt(4)
      .describe("Commands handled at once; the database pool has four connections more."),
    CARRIER_STEP_MS: env.positiveInt(5_000).describe("Time per step of the simulated carrier."),
    CARRIER_POLL_MS: z.coerce
      .number()
      .int()
      .positive()
      .optional()
      .describe("How often the simulated carrier looks for due parcels; unset: every second."),
    ...tracingEnvShape,
    LOG_LEVEL: env.logLevel(),
    LOG_FORMAT: env.logFormat(),
    ...logShippingEnvShape,
  })
  .superRefine(checkObjectStoreEnv)
  .superRefine(checkKafkaSecurityEnv);

export type FulfillmentEnv = ReturnType<typeof loadFulfillmentEnv>;

export function loadFulfillmentEnv(source: NodeJS.ProcessEnv = process.env) {
  const e = loadEnvOrExit(fulfillmentEnvSchema, source);
  const dataDir = path.resolve(e.EMPORIUM_DATA_DIR);
  return {
    ...e,
    objectStore: {
      s3: s3OptionsFromEnv(e),
      localDir: path.resolve(e.EMPORIUM_DOCUMENTS_DIR ?? path.join(dataDir, "documents")),
    },
  };
}
