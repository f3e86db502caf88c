// The catalog as a unit: store with caches, HTTP server, and (when an event bus is given) the stock
// read-model consumer. Built by this service's main.ts or by the all-in-one development host.
import { TOPICS } from "@emporium/contracts";
import type { Database } from "@emporium/db";
import { measureConsumerLag, OutboxRelay, type EventBus, type Subscription } from "@emporium/messaging";
import { measureBreaker, type Logger, type ServiceMetrics, measureDbPool } from "@emporium/observability";
import type { IncomingMessage, ServerResponse } from "node:http";
import type { ObjectStore, UploadTarget } from "@emporium/storage";
import { MemoryCatalogVersions } from "./adapters/memory/catalog-versions";
import { MemoryLruCache, NoCache } from "./adapters/memory/lru-cache";
import { MemorySharedCache } from "./adapters/memory/shared-cache";
import { MemcachedSharedCache } from "./adapters/memcached/memcached-shared-cache";
import { RedisCatalogVersions } from "./adapters/redis/redis-catalog-versions";
import { GuardedCatalogStore } from "./adapters/resilience/guarded-catalog-store";
import { PrismaCatalogAdminStore } from "./adapters/prisma/prisma-catalog-admin-store";
import { PrismaCatalogStore } from "./adapters/prisma/prisma-catalog-store";
import { PrismaMediaStore } from "./adapters/prisma/prisma-media-store";
import { PrismaStockReadModel } from "./adapters/prisma/prisma-stock-read-model";
import { sharpImageProcessor } from "./adapters/sharp/sharp-image-processor";
import { CachedCatalogStore, DEFAULT_TTLS } from "./app/cached-catalog-store";
import { measureCacheRequests } from "./app/cache-metrics";
import { stockChangedConsumer } from "./consumers/stock-changed";
import { ratingChangedConsumer } from "./consumers/rating-changed";
import { PrismaRatingReadModel } from "./adapters/prisma/prisma-rating-read-model";
import { ResponseCache } from "./api/response-cache";
import { createCatalogServer } from "./api/server";
import { defaultCatalogLimits, type CatalogLimits } from "./api/limits";
import { MediaLibrary } from "./app/media-library";
import type { Readiness, ServiceServer } from "@emporium/service-kit";

export interface CatalogServiceDeps {
  db: Database;
  media: ObjectStore;
  /** Signs browser uploads of product images (S3 presigned POST, or signed forms to `uploadHandler`). */
  uploads: UploadTarget;
  /** Mounted at POST /uploads when uploads go to the embedded store. */
  uploadHandler?: ((req: IncomingMessage, res: ServerResponse) => Promise<void>) | undefined;
  log: Logger;
  metrics: ServiceMetrics;
  /** The key that verifies service tokens from the apps (see @emporium/auth). */
  tokenKey: Uint8Array;
  /**
   * Inventory events feed the stock read model, and the catalog's outbox announces staff-created variants;
   * without a bus the read model stays as seeded and announcements wait in the outbox.
   */
  events?: EventBus | undefined;
  /** two-level (default): L1 then L2; shared: L2 only; off: straight to the database. */
  cacheMode?: "two-level" | "shared" | "off" | undefined;
  /** Memcached servers (host:port) for the cache every replica shares; none: a cache in this process. */
  memcachedServers?: readonly string[] | undefined;
  /** Redis for the cache's version counters and their fan-out to every replica; unset: in this process. */
  redisUrl?: string | undefined;
  /** Namespace of the version counters in Redis (tests give each run its own). */
  cacheNamespace?: string | undefined;
  cacheFreshMs?: number;
  cacheMaxEntries?: number;
  httpCacheMs?: number;
  httpCacheMaxBytes?: number;
  /** Searches, suggestions and staff changes (api/limits.ts); default: the defaults, in this process. */
  limits?: CatalogLimits | undefined;
}

export interface CatalogService {
  server: ServiceServer;
  readiness: Readiness;
  start(): Promise<void>;
  stop(): Promise<void>;
}

export function createCatalogService(d: CatalogServiceDeps): CatalogService {
  measureDbPool(d.metrics.registry, d.db);
  if (d.events) measureConsumerLag(d.metrics.registry, d.events);
  const readiness: Readiness = { ready: false, detail: "starting" };
  const versions = d.redisUrl
    ? new RedisCatalogVersions({ redisUrl: d.redisUrl, log: d.log, prefix: d.cacheNamespace })
    : new MemoryCatalogVersions();
  const l2 = d.memcachedServers?.length
    ? new MemcachedSharedCache({ servers: d.memcachedServers, log: d.log })
    : new MemorySharedCache();
  const mode = d.cacheMode ?? "two-level";
  const database = new GuardedCatalogStore(new PrismaCatalogStore(d.db), {
    log: d.log,
    observeBreaker: (breaker) => measureBreaker(d.metrics.registry, "catalog-database", breaker),
  });
  const cached = new CachedCatalogStore(database, {
    l1: mode === "two-level" ? new MemoryLruCache(d.cacheMaxEntries ?? 1000) : new NoCache(),
    l2,
    versions,
    log: d.log,
    ttls: { ...DEFAULT_TTLS, freshMs: d.cacheFreshMs ?? DEFAULT_TTLS.freshMs },
    observe: measureCacheRequests(d.metrics.registry),
  });
  const store = mode === "off" ? database : cached;
  const productChanged = (slug: string, listings?: boolean) => cached.productChanged(slug, listings);
  const responseCache = new ResponseCache(d.httpCacheMs ?? 5_000, d.httpCacheMaxBytes ?? 16 * 1024 * 1024);
  // Any change, made here or on another replica, empties the micro-cache of whole responses.
  versions.onChange(() => responseCache.clear());
  const mediaLibrary = new MediaLibrary({
    objects: d.media,
    uploads: d.uploads,
    store: new PrismaMediaStore(d.db),
    images: sharpImageProcessor,
    log: d.log,
  });
  const server = createCatalogServer({
    store,
    admin: new PrismaCatalogAdminStore(d.db),
    tokenKey: d.tokenKey,
    // A staff change shows at once on every replica: its product page and every listing.
    invalidateProduct: (slug) => productChanged(slug),
    media: d.media,
    mediaLibrary,
    uploadHandler: d.uploadHandler,
    log: d.log,
    metrics: d.metrics,
    readiness,
    responseCache,
    limits: d.limits ?? defaultCatalogLimits(d.log),
  });
  const subscriptions: Subscription[] = [];
  let uploadSweep: NodeJS.Timeout | null = null;
  const sweepUploads = () =>
    void mediaLibrary
      .sweepAbandonedUploads()
      .catch((err: unknown) => d.log.warn({ err }, "could not sweep abandoned media uploads"));
  // Staff-created variants are announced through the catalog's outbox (inventory opens their stock).
  const relay = d.events
    ? new OutboxRelay({
        db: d.db,
        schema: "catalog",
        events: d.events,
        log: d.log,
        metrics: d.metrics.registry,
      })
    : null;
  return {
    server,
    readiness,
    async start() {
      await versions.start();
      sweepUploads();
      uploadSweep = setInterval(sweepUploads, 15 * 60_000).unref();
      await relay?.start();
      if (d.events) {
        subscriptions.push(
          await d.events.subscribe({
            group: "catalog-stock",
            topics: [TOPICS.inventory],
            fromBeginning: true,
            // A product page shows stock, listings whether it is in stock: their versions move on.
            handle: stockChangedConsumer(new PrismaStockReadModel(d.db), (slug, listings) =>
              productChanged(slug, listings),
            ),
          }),
          // Rating summaries feed the "4★ & up" facet and the rating sort (and the product's cards).
          await d.events.subscribe({
            group: "catalog-ratings",
            topics: [TOPICS.reviews],
            fromBeginning: true,
            handle: ratingChangedConsumer(new PrismaRatingReadModel(d.db), (slug) => productChanged(slug)),
          }),
        );
      }
    },
    async stop() {
      if (uploadSweep) clearInterval(uploadSweep);
      for (const subscription of subscriptions) await subscription.stop();
      await relay?.stop();
      database.shutdown();
      await Promise.all([versions.close(), l2.close()]);
    },
  };
}

// What a host composing the catalog needs besides the service itself (its own main.ts and the
// development host): getting the database ready, and the browser-upload target for product images.
export { prepareDatabase, type PrepareOptions } from "./adapters/db/prepare-database";
export { createCatalogLimits } from "./api/limits";
export { createMediaUploads, mediaUploadSecret, type MediaUploads } from "./adapters/storage/media-uploads";
