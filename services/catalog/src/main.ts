// The catalog's composition root: environment → adapters → store → HTTP server → migrate and seed →
// ready; and the reverse on SIGTERM/SIGINT.
import { createProgressReporter, isSeeded, migrate, openDatabase, seed } from "@emporium/db";
import { createLogger, createServiceMetrics } from "@emporium/observability";
import { LocalFolderStore } from "@emporium/storage";
import { PrismaCatalogStore } from "./adapters/prisma/prisma-catalog-store";
import { MemoryLruCache } from "./adapters/memory/lru-cache";
import { CachedCatalogStore, DEFAULT_TTLS } from "./cache/cached-catalog-store";
import { loadCatalogEnv } from "./env";
import { ResponseCache } from "./http/response-cache";
import { createCatalogServer } from "./http/server";
import type { Readiness } from "./trpc";

const env = loadCatalogEnv();
const log = createLogger({ service: "catalog", level: env.LOG_LEVEL, format: env.LOG_FORMAT });
const metrics = createServiceMetrics("catalog");
const readiness: Readiness = { ready: false, detail: "opening the database" };

const db = await openDatabase({ databaseUrl: env.DATABASE_URL, dataDir: env.EMPORIUM_DATA_DIR });
const media = new LocalFolderStore(env.MEDIA_DIR);
const store = new CachedCatalogStore(
  new PrismaCatalogStore(db),
  new MemoryLruCache(env.CACHE_MAX_ENTRIES),
  log,
  {
    ...DEFAULT_TTLS,
    freshMs: env.CACHE_FRESH_SECONDS * 1000,
  },
);
const responseCache = new ResponseCache(env.HTTP_CACHE_SECONDS * 1000, env.HTTP_CACHE_MAX_MB * 1024 * 1024);
const server = createCatalogServer({ store, media, log, metrics, readiness, responseCache });
server.keepAliveTimeout = 65_000;

await new Promise<void>((resolve, reject) => {
  server.once("error", reject);
  server.listen(env.CATALOG_PORT, env.CATALOG_HOST, () => resolve());
});
log.info(
  { database: db.description, media: media.description },
  `catalog listening on http://${env.CATALOG_HOST}:${env.CATALOG_PORT}`,
);

let stopping = false;
async function shutdown(signal: string): Promise<void> {
  if (stopping) return;
  stopping = true;
  log.info({ signal }, "shutting down");
  readiness.ready = false;
  readiness.detail = "shutting down";
  await new Promise<void>((resolve) => {
    server.close(() => resolve());
    server.closeIdleConnections();
  });
  await db.close();
  log.info("stopped");
  process.exit(0);
}
process.once("SIGTERM", () => void shutdown("SIGTERM"));
process.once("SIGINT", () => void shutdown("SIGINT"));

try {
  if (env.MIGRATE_ON_START) {
    readiness.detail = "applying database migrations";
    const { applied } = await migrate(db, (m) => log.info(m));
    if (applied.length > 0) log.info({ applied }, "migrations applied");
  }
  if (env.SEED_ON_START && !(await isSeeded(db))) {
    log.info(
      { products: env.SEED_PRODUCTS, seed: env.SEED },
      "empty catalog: seeding a generated shop (first start only)",
    );
    const progress = createProgressReporter("catalog seed");
    const started = Date.now();
    await seed(db, {
      seed: env.SEED,
      products: env.SEED_PRODUCTS,
      store: media,
      onProgress: (done, total, stage) => {
        readiness.detail = `seeding the catalog (${stage} ${Math.floor((done / Math.max(total, 1)) * 100)}%)`;
        progress.update(done, total, stage);
      },
    });
    progress.stop();
    log.info({ seconds: Math.round((Date.now() - started) / 1000) }, "catalog seeded");
  }
  readiness.ready = true;
  readiness.detail = "ready";
  log.info("catalog ready");
  if (!env.DATABASE_URL)
    process.stdout.write(
      [
        "",
        "  Emporium is ready on embedded defaults:",
        "    storefront   http://localhost:3000",
        "    admin        http://localhost:3001",
        `    catalog API  http://${env.CATALOG_HOST}:${env.CATALOG_PORT}/trpc`,
        "",
      ].join("\n") + "\n",
    );
} catch (err) {
  log.fatal({ err }, "catalog failed to start");
  await db.close().catch(() => undefined);
  process.exit(1);
}
