// The catalog's configuration, validated once at start-up.
import path from "node:path";
import { z } from "zod";
import { env, loadEnvOrExit } from "@emporium/config";
import { checkKafkaSecurityEnv, kafkaSecurityEnvShape } from "@emporium/config/kafka";
import { databaseEnv } from "@emporium/db";
import { brokerEnv, logShippingEnvShape } from "@emporium/runtime";
import { seedEnv } from "@emporium/seed";
import { staffMutationsEnvShape } from "@emporium/service-kit/limits";
import { checkObjectStoreEnv, objectStoreEnv, s3OptionsFromEnv } from "@emporium/storage";
import { catalogLimitsEnvShape } from "./api/limits";
import { tracingEnvShape } from "@emporium/runtime/tracing";

export { catalogLimitsEnvShape, catalogLimitsOf } from "./api/limits";

/** Exported so docs/configuration.md can be generated from it; `.describe` says what each is for. */
export const catalogEnvSchema = z
  .object({
    ...databaseEnv("PGlite, media, generated development secrets"),
    KAFKA_BROKERS: brokerEnv.KAFKA_BROKERS.optional().describe(
      "Kafka brokers, host:port[,host:port…]; when set, inventory's stock events keep the stock read model current and new variants are announced.",
    ),
    ...kafkaSecurityEnvShape,
    MEDIA_DIR: z.string().optional().describe("Product images without S3; unset: <EMPORIUM_DATA_DIR>/media."),
    SERVICE_TOKEN_SECRET: env
      .secret()
      .optional()
      .describe(
        "Verifies the tokens the apps sign for staff calls (32+ characters, the same in every process); unset: one generated once under EMPORIUM_DATA_DIR.",
      ),
    CATALOG_HOST: z.string().default("127.0.0.1").describe("The interface the API listens on."),
    CATALOG_PORT: env.port(4001).describe("The tRPC API (/trpc), /media, /uploads and the ops endpoints."),
    MIGRATE_ON_START: env.flag(true).describe("Apply the database migrations at start."),
    SEED_ON_START: env.flag(true).describe("Seed a generated shop into an empty database at start."),
    ...seedEnv,
    MEMCACHED_SERVERS: z
      .string()
      .optional()
      .transform((list, ctx) => {
        const servers = (list ?? "")
          .split(",")
          .map((s) => s.trim())
          .filter(Boolean);
        for (const server of servers)
          if (!/^[A-Za-z0-9.-]+:\d{1,5}$/.test(server))
            ctx.addIssue({ code: "custom", message: `"${server}" is not host:port` });
        return servers;
      })
      .describe(
        "Memcached servers, host:port[,host:port…], holding the catalog answers every replica shares (keys spread by consistent hashing); unset: kept in this process.",
      ),
    REDIS_URL: z
      .url({ protocol: /^rediss?$/, error: "must be a redis:// or rediss:// URL" })
      .optional()
      .describe(
        "Redis (redis:// or rediss://) holding the catalog's cache versions and telling every replica of each change; unset: one process is assumed.",
      ),
    CACHE_MODE: z
      .enum(["two-level", "shared", "off"])
      .default("two-level")
      .describe(
        "two-level: this process's LRU (L1) before the shared cache (L2); shared: L2 only; off: every read goes to PostgreSQL (for diagnosis and benchmarks).",
      ),
    CACHE_FRESH_SECONDS: z.coerce
      .number()
      .int()
      .min(0)
      .max(3600)
      .default(300)
      .describe(
        "How long a cached answer is served before it is read again; a change shows at once regardless (versioned keys), and a stale answer is still served while the database fails.",
      ),
    CACHE_MAX_ENTRIES: env.positiveInt(1000).describe("Entries kept by the in-process (L1) read cache."),
    HTTP_CACHE_SECONDS: z.coerce
      .number()
      .int()
      .min(0)
      .max(300)
      .default(5)
      .describe("Micro-cache of whole public GET responses; 0 turns it off."),
    HTTP_CACHE_MAX_MB: env.positiveInt(16).describe("Memory the response micro-cache may use."),
    // Rate limits, counted in REDIS_URL's Redis when it is set (api/limits.ts).
    ...catalogLimitsEnvShape,
    ...staffMutationsEnvShape,
    ...tracingEnvShape,
    LOG_LEVEL: env.logLevel(),
    LOG_FORMAT: env.logFormat(),
    ...logShippingEnvShape,
    SHUTDOWN_DRAIN_MS: env.drainMs(),
    // Product images on S3 when S3_BUCKET is set (a public-read media bucket), else in MEDIA_DIR.
    ...objectStoreEnv,
    S3_BUCKET: objectStoreEnv.S3_BUCKET.describe(
      "Product images in this public-read S3 bucket; unset: in MEDIA_DIR.",
    ),
    // The S3 address browsers upload to, when it differs from S3_ENDPOINT (e.g. a compose service name).
    S3_PUBLIC_ENDPOINT: z
      .url({ protocol: /^https?$/, error: "must be an http(s) URL" })
      .optional()
      .describe("The S3 address browsers upload to, when it differs from S3_ENDPOINT."),
    // Embedded store: where browsers POST signed upload forms — "/uploads" on the admin, which forwards
    // it to this service, or an absolute URL of this service's /uploads.
    MEDIA_UPLOAD_URL: z
      .string()
      .regex(/^(https?:\/\/[^\s]+|\/[^\s]*)$/, "must be an http(s) URL or a path starting with /")
      .default("/uploads")
      .describe(
        "Without S3: where browsers post signed upload forms (the admin's /uploads, or this service's /uploads as an absolute URL).",
      ),
    // Signs those forms (32+ characters); without it a random one is made once under the data folder.
    MEDIA_UPLOAD_SECRET: env
      .secret()
      .optional()
      .describe(
        "Signs those upload forms (32+ characters); unset: one generated once under EMPORIUM_DATA_DIR.",
      ),
  })
  .superRefine(checkObjectStoreEnv)
  .superRefine(checkKafkaSecurityEnv);

export type CatalogEnv = ReturnType<typeof loadCatalogEnv>;

export function loadCatalogEnv(source: NodeJS.ProcessEnv = process.env) {
  const e = loadEnvOrExit(catalogEnvSchema, source);
  const dataDir = path.resolve(e.EMPORIUM_DATA_DIR);
  return {
    ...e,
    EMPORIUM_DATA_DIR: dataDir,
    MEDIA_DIR: path.resolve(e.MEDIA_DIR ?? path.join(dataDir, "media")),
    mediaS3: s3OptionsFromEnv(e),
  };
}
