// The catalog's configuration, validated once at start-up.
import path from "node:path";
import { z } from "zod";
import { env, loadEnvOrExit } from "@emporium/config";
import { DEFAULT_DATA_DIR } from "@emporium/db";
import { brokerEnv } from "@emporium/runtime";
import { checkObjectStoreEnv, objectStoreEnv, s3OptionsFromEnv } from "@emporium/storage";

const schema = z
  .object({
    DATABASE_URL: env.postgresUrl().optional(),
    KAFKA_BROKERS: brokerEnv.KAFKA_BROKERS.optional(),
    EMPORIUM_DATA_DIR: z.string().default(DEFAULT_DATA_DIR),
    MEDIA_DIR: z.string().optional(),
    SERVICE_TOKEN_SECRET: z.string().min(32, "must be at least 32 characters").optional(),
    CATALOG_HOST: z.string().default("127.0.0.1"),
    CATALOG_PORT: env.port(4001),
    MIGRATE_ON_START: env.flag(true),
    SEED_ON_START: env.flag(true),
    SEED_PRODUCTS: z.coerce.number().int().min(1).max(200_000).default(2000),
    SEED: z.coerce.number().int().min(0).default(42),
    CACHE_FRESH_SECONDS: z.coerce.number().int().min(0).max(3600).default(30),
    CACHE_MAX_ENTRIES: env.positiveInt(1000),
    HTTP_CACHE_SECONDS: z.coerce.number().int().min(0).max(300).default(5),
    HTTP_CACHE_MAX_MB: env.positiveInt(16),
    LOG_LEVEL: env.logLevel(),
    LOG_FORMAT: env.logFormat(),
    // Product images on S3 when S3_BUCKET is set (a public-read media bucket), else in MEDIA_DIR.
    ...objectStoreEnv,
    // The S3 address browsers upload to, when it differs from S3_ENDPOINT (e.g. a compose service name).
    S3_PUBLIC_ENDPOINT: z.url({ protocol: /^https?$/, error: "must be an http(s) URL" }).optional(),
    // Embedded store: where browsers POST signed upload forms — "/uploads" on the admin, which forwards
    // it to this service, or an absolute URL of this service's /uploads.
    MEDIA_UPLOAD_URL: z
      .string()
      .regex(/^(https?:\/\/[^\s]+|\/[^\s]*)$/, "must be an http(s) URL or a path starting with /")
      .default("/uploads"),
    // Signs those forms (32+ characters); without it a random one is made once under the data folder.
    MEDIA_UPLOAD_SECRET: z.string().min(32, "must be at least 32 characters").optional(),
  })
  .superRefine(checkObjectStoreEnv);

export type CatalogEnv = ReturnType<typeof loadCatalogEnv>;

export function loadCatalogEnv(source: NodeJS.ProcessEnv = process.env) {
  const e = loadEnvOrExit(schema, source);
  const dataDir = path.resolve(e.EMPORIUM_DATA_DIR);
  return {
    ...e,
    EMPORIUM_DATA_DIR: dataDir,
    MEDIA_DIR: path.resolve(e.MEDIA_DIR ?? path.join(dataDir, "media")),
    mediaS3: s3OptionsFromEnv(e),
  };
}
