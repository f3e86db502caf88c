// The catalog as a unit: store with caches, HTTP server, and (when an event bus is given) the stock
// read-model consumer. Built by this service's main.ts or by the all-in-one development host.
import { TOPICS } from "@emporium/contracts";
import type { Database } from "@emporium/db";
import { OutboxRelay, type EventBus, type Subscription } from "@emporium/messaging";
import type { Logger, ServiceMetrics } from "@emporium/observability";
import type { IncomingMessage, ServerResponse } from "node:http";
import type { ObjectStore, UploadTarget } from "@emporium/storage";
import { MemoryLruCache } from "./adapters/memory/lru-cache";
import { PrismaCatalogAdminStore } from "./adapters/prisma/prisma-catalog-admin-store";
import { PrismaCatalogStore } from "./adapters/prisma/prisma-catalog-store";
import { PrismaMediaStore } from "./adapters/prisma/prisma-media-store";
import { PrismaStockReadModel } from "./adapters/prisma/prisma-stock-read-model";
import { sharpImageProcessor } from "./adapters/sharp/sharp-image-processor";
import { CachedCatalogStore, DEFAULT_TTLS } from "./app/cached-catalog-store";
import { stockChangedConsumer } from "./consumers/stock-changed";
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
  const readiness: Readiness = { ready: false, detail: "starting" };
  const cache = new MemoryLruCache(d.cacheMaxEntries ?? 1000);
  const store = new CachedCatalogStore(new PrismaCatalogStore(d.db), cache, d.log, {
    ...DEFAULT_TTLS,
    freshMs: d.cacheFreshMs ?? DEFAULT_TTLS.freshMs,
  });
  const responseCache = new ResponseCache(d.httpCacheMs ?? 5_000, d.httpCacheMaxBytes ?? 16 * 1024 * 1024);
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
    // A staff change shows on the product page at once; listings catch up within their fresh time.
    invalidateProduct: (slug) => {
      void cache.invalidatePrefix(`product:${slug}`);
      responseCache.clear();
    },
    media: d.media,
    mediaLibrary,
    uploadHandler: d.uploadHandler,
    log: d.log,
    metrics: d.metrics,
    readiness,
    responseCache,
    limits: d.limits ?? defaultCatalogLimits(d.log),
  });
  let subscription: Subscription | null = null;
  let uploadSweep: NodeJS.Timeout | null = null;
  const sweepUploads = () =>
    void mediaLibrary
      .sweepAbandonedUploads()
      .catch((err: unknown) => d.log.warn({ err }, "could not sweep abandoned media uploads"));
  // Staff-created variants are announced through the catalog's outbox (inventory opens their stock).
  const relay = d.events
    ? new OutboxRelay({ db: d.db, schema: "catalog", events: d.events, log: d.log })
    : null;
  return {
    server,
    readiness,
    async start() {
      sweepUploads();
      uploadSweep = setInterval(sweepUploads, 15 * 60_000).unref();
      await relay?.start();
      if (d.events)
        subscription = await d.events.subscribe({
          group: "catalog-stock",
          topics: [TOPICS.inventory],
          fromBeginning: true,
          // A product page shows stock: drop its cached copy so the next view is current.
          handle: stockChangedConsumer(new PrismaStockReadModel(d.db), (slug) =>
            cache.invalidatePrefix(`product:${slug}`),
          ),
        });
    },
    async stop() {
      if (uploadSweep) clearInterval(uploadSweep);
      await subscription?.stop();
      await relay?.stop();
    },
  };
}

// What a host composing the catalog needs besides the service itself (its own main.ts and the
// development host): getting the database ready, and the browser-upload target for product images.
export { prepareDatabase, type PrepareOptions } from "./adapters/db/prepare-database";
export { createCatalogLimits } from "./api/limits";
export { createMediaUploads, mediaUploadSecret, type MediaUploads } from "./adapters/storage/media-uploads";
