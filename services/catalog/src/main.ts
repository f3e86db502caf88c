// The catalog's own process: environment → database → HTTP server (answering 503 while starting) →
// migrations and, on an empty database, a generated shop → ready. Inventory events keep the stock
// read model current when KAFKA_BROKERS is set.
import { kafkaSecurityOf } from "@emporium/config/kafka";
import { serviceTokenKey } from "@emporium/auth";
import { openDatabase } from "@emporium/db";
import { KafkaEventBus } from "@emporium/messaging";
import { createServiceMetrics, measureBreaker } from "@emporium/observability";
import { createLoggerFrom, onShutdown } from "@emporium/runtime";
import { createObjectStore } from "@emporium/storage";
import { prepareDatabase } from "./adapters/db/prepare-database";
import { loadCatalogEnv } from "./env";
import { createMediaUploads, mediaUploadSecret } from "./adapters/storage/media-uploads";
import { createCatalogService } from "./service";
import { catalogLimitsOf, createCatalogLimits } from "./api/limits";
import { startTracingFrom } from "@emporium/runtime/tracing";

const env = loadCatalogEnv();
await startTracingFrom(env, "catalog");
const log = createLoggerFrom(env, "catalog");
const metrics = createServiceMetrics("catalog");
const db = await openDatabase({ databaseUrl: env.DATABASE_URL, dataDir: env.EMPORIUM_DATA_DIR });
const media = await createObjectStore({
  s3: env.mediaS3 && {
    ...env.mediaS3,
    observeBreaker: (breaker) => measureBreaker(metrics.registry, "media-store", breaker),
  },
  localDir: env.MEDIA_DIR,
});
const mediaUploads = createMediaUploads({
  s3: env.mediaS3,
  s3PublicEndpoint: env.S3_PUBLIC_ENDPOINT,
  media,
  url: env.MEDIA_UPLOAD_URL,
  secret: mediaUploadSecret(env.MEDIA_UPLOAD_SECRET, env.EMPORIUM_DATA_DIR),
});
const events = env.KAFKA_BROKERS
  ? new KafkaEventBus({ brokers: env.KAFKA_BROKERS, clientId: "catalog", log, ...kafkaSecurityOf(env) })
  : undefined;
const limits = createCatalogLimits(catalogLimitsOf(env), log);
const catalog = createCatalogService({
  db,
  media,
  ...mediaUploads,
  log,
  metrics,
  events,
  tokenKey: serviceTokenKey(env.SERVICE_TOKEN_SECRET, env.EMPORIUM_DATA_DIR),
  cacheMode: env.CACHE_MODE,
  memcachedServers: env.MEMCACHED_SERVERS,
  redisUrl: env.REDIS_URL,
  cacheFreshMs: env.CACHE_FRESH_SECONDS * 1000,
  cacheMaxEntries: env.CACHE_MAX_ENTRIES,
  httpCacheMs: env.HTTP_CACHE_SECONDS * 1000,
  httpCacheMaxBytes: env.HTTP_CACHE_MAX_MB * 1024 * 1024,
  limits,
});
await catalog.server.listen(env.CATALOG_PORT, env.CATALOG_HOST);
log.info(
  { database: db.description, media: media.description, uploads: mediaUploads.uploads.description },
  `catalog listening on http://${env.CATALOG_HOST}:${env.CATALOG_PORT}`,
);

onShutdown(
  log,
  async () => {
    catalog.readiness.ready = false;
    catalog.readiness.detail = "shutting down";
    await catalog.server.close();
    await catalog.stop();
    await limits.close();
    await events?.close();
    await db.close();
  },
  { drainMs: env.SHUTDOWN_DRAIN_MS },
);

try {
  await prepareDatabase(db, {
    migrate: env.MIGRATE_ON_START,
    seed: env.SEED_ON_START ? { products: env.SEED_PRODUCTS, seed: env.SEED } : null,
    media,
    log,
    readiness: catalog.readiness,
  });
  await catalog.start();
  catalog.readiness.ready = true;
  catalog.readiness.detail = "ready";
  log.info("catalog ready");
} catch (err) {
  log.fatal({ err }, "catalog failed to start");
  await db.close().catch(() => undefined);
  process.exit(1);
}
