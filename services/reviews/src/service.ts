// The reviews service as a unit: its document store (MongoDB or memory), the HTTP server, the consumer
// that learns purchases from the orders topic, the relays that publish rating summaries on the reviews
// topic and staff changes on the audit topic, and the sweep that counts helpful votes a crash left uncounted. Built by this service's main.ts
// or by the all-in-one development host.
import { TOPICS } from "@emporium/contracts";
import { measureConsumerLag, type EventBus, type Subscription } from "@emporium/messaging";
import type { Logger, ServiceMetrics } from "@emporium/observability";
import {
  createServiceServer,
  type ContextBase,
  type Readiness,
  type ServiceServer,
} from "@emporium/service-kit";
import {
  defaultServiceLimits,
  MemoryRateLimiter,
  type RateLimiter,
  type ServiceLimits,
} from "@emporium/service-kit/limits";
import type { PhotoStorage } from "./adapters/storage/photo-storage";
import { memoryReviewsStorage } from "./adapters/memory/memory-storage";
import { mongoReviewsStorage } from "./adapters/mongo/mongo-storage";
import { photoRoutes } from "./api/photo-routes";
import { DEFAULT_PHOTO_UPLOAD_LIMIT } from "./domain/photos";
import { appRouter } from "./api/router/_app";
import type { ReviewsContext } from "./api/trpc";
import { AuditRelay } from "./app/audit-relay";
import { ReviewPhotos, sharpImageChecks, type ImageChecks } from "./app/photos";
import { RatingRelay } from "./app/rating-relay";
import { recountForgottenVotes } from "./app/vote-repair";
import { orderPlacedConsumer } from "./consumers/order-placed";
import { orderStatusChangedConsumer } from "./consumers/order-status-changed";
import type { ProductDirectory } from "./ports/product-directory";
import type { ReviewsStorage } from "./ports/reviews-storage";

export interface ReviewsServiceDeps {
  storage: ReviewsStorage;
  /** Which product an ordered variant is of (the catalog). */
  products: ProductDirectory;
  /**
   * The orders topic makes delivered products reviewable, and rating summaries go out on the reviews
   * topic and staff changes on the audit topic; without a bus nobody can be found to have received
   * anything, and summaries and audit events wait.
   */
  events?: EventBus | undefined;
  log: Logger;
  metrics: ServiceMetrics;
  /** Verifies the service tokens the apps send for signed-in shoppers and staff (see @emporium/auth). */
  tokenKey: Uint8Array;
  /** Changes per staff member (moderation); default: the default numbers, counted in this process. */
  limits?: ServiceLimits | undefined;
  /**
   * Where review photos are kept and how they are uploaded (openPhotoStorage); without it a review's
   * photos are refused with 503 and the rest of reviews works.
   */
  photoStorage?: PhotoStorage | undefined;
  /** Judges uploaded photos by their bytes and renders their WebP forms (default: sharp). */
  images?: ImageChecks | undefined;
  /** Photo uploads signed per shopper; default: DEFAULT_PHOTO_UPLOAD_LIMIT, counted in this process. */
  photoUploads?: RateLimiter | undefined;
  /** How often due rating summaries and audit events are looked for without a nudge (default 5 s). */
  relayIntervalMs?: number;
  now?: () => Date;
}

export interface ReviewsService {
  server: ServiceServer;
  readiness: Readiness;
  /** What each request's context is built from (tests call procedures with it). */
  base: ContextBase<ReviewsContext>;
  /** Publishes rating summaries; null without an event bus. */
  relay: RatingRelay | null;
  /** Publishes staff changes' audit events; null without an event bus. */
  auditRelay: AuditRelay | null;
  start(): Promise<void>;
  stop(): Promise<void>;
}

export function createReviewsService(d: ReviewsServiceDeps): ReviewsService {
  if (d.events) measureConsumerLag(d.metrics.registry, d.events);
  const readiness: Readiness = { ready: false, detail: "starting" };
  const relayOptions = d.events
    ? { reviews: d.storage.reviews, events: d.events, log: d.log, intervalMs: d.relayIntervalMs }
    : null;
  const relay = relayOptions ? new RatingRelay(relayOptions) : null;
  const auditRelay = relayOptions ? new AuditRelay(relayOptions) : null;
  const photos = d.photoStorage
    ? new ReviewPhotos({
        objects: d.photoStorage.objects,
        uploads: d.photoStorage.uploads,
        images: d.images ?? sharpImageChecks,
        log: d.log,
      })
    : null;
  const base: ContextBase<ReviewsContext> = {
    reviews: d.storage.reviews,
    photos,
    photoUploads:
      d.photoUploads ??
      new MemoryRateLimiter({
        points: DEFAULT_PHOTO_UPLOAD_LIMIT.attempts,
        durationSeconds: DEFAULT_PHOTO_UPLOAD_LIMIT.windowSeconds,
        keyPrefix: "review-photo-uploads",
      }),
    purchases: d.storage.purchases,
    summaries: { wake: () => relay?.wake() },
    auditEvents: { wake: () => auditRelay?.wake() },
    now: d.now ?? (() => new Date()),
    log: d.log,
    metrics: d.metrics,
    readiness,
    limits: d.limits ?? defaultServiceLimits(),
  };
  const server = createServiceServer({
    router: appRouter,
    log: d.log,
    metrics: d.metrics,
    tokenKey: d.tokenKey,
    readiness,
    // Optional: while MongoDB is down the service stays in rotation and answers each call with a clear
    // 503 ("Reviews are unavailable right now"), which the shop shows instead of the reviews block.
    checks: [{ name: "document store", check: () => d.storage.ping(), optional: true }],
    // A shopper's own reviews and the moderation queue name people: no shared cache keeps any answer.
    headers: { "cache-control": "no-store" },
    routes: photoRoutes({
      reviews: d.storage.reviews,
      photos,
      uploadHandler: d.photoStorage?.uploadHandler,
      tokenKey: d.tokenKey,
      log: d.log,
    }),
    createContext: (request) => ({ ...base, ...request }),
  });

  let subscription: Subscription | null = null;
  let voteSweep: NodeJS.Timeout | null = null;
  let uploadSweep: NodeJS.Timeout | null = null;
  const sweepUploads = () =>
    void photos
      ?.sweepAbandonedUploads()
      .catch((err: unknown) => d.log.warn({ err }, "could not sweep abandoned review photo uploads"));
  return {
    server,
    readiness,
    base,
    relay,
    auditRelay,
    async start() {
      if (d.events) {
        const purchases = { purchases: d.storage.purchases, products: d.products, log: d.log };
        const placed = orderPlacedConsumer(purchases);
        const statusChanged = orderStatusChangedConsumer(purchases);
        subscription = await d.events.subscribe({
          group: "reviews-purchases",
          topics: [TOPICS.orders],
          // A new installation learns every delivery still retained, not only those from now on.
          fromBeginning: true,
          handle: async (envelope, info) => {
            await placed(envelope, info);
            await statusChanged(envelope, info);
          },
        });
      } else d.log.warn("no event bus: no purchase is learned, so no review can be written");
      relay?.start();
      auditRelay?.start();
      voteSweep = setInterval(() => {
        recountForgottenVotes(d.storage.reviews, base.now(), d.log).catch((err: unknown) =>
          d.log.debug({ err }, "could not recount helpful votes yet"),
        );
      }, 60_000).unref();
      if (photos) {
        sweepUploads();
        uploadSweep = setInterval(sweepUploads, 15 * 60_000).unref();
      }
      readiness.ready = true;
      readiness.detail = "ready";
    },
    async stop() {
      readiness.ready = false;
      readiness.detail = "shutting down";
      if (voteSweep) clearInterval(voteSweep);
      if (uploadSweep) clearInterval(uploadSweep);
      await subscription?.stop();
      await relay?.stop();
      await auditRelay?.stop();
    },
  };
}

export interface StorageOptions {
  /** MongoDB, or undefined for the in-memory store. */
  mongoUrl?: string | undefined;
  mongoDb: string;
  log: Logger;
  /** How long an operation waits for an unreachable server before answering 503 (default 2 s). */
  timeoutMs?: number;
}

/** The document store the configuration names: MongoDB when a URL is given, memory otherwise. */
export function openReviewsStorage(o: StorageOptions): ReviewsStorage {
  if (!o.mongoUrl) return memoryReviewsStorage();
  return mongoReviewsStorage({
    url: o.mongoUrl,
    dbName: o.mongoDb,
    log: o.log,
    ...(o.timeoutMs ? { serverSelectionTimeoutMs: o.timeoutMs } : {}),
  });
}

// What a host composing the reviews service needs besides the service itself.
export { CatalogProductDirectory } from "./adapters/catalog/catalog-product-directory";
export {
  openPhotoStorage,
  photoUploadSecret,
  type PhotoStorage,
  type PhotoStorageConfig,
} from "./adapters/storage/photo-storage";
export type { ReviewsStorage } from "./ports/reviews-storage";
export type { ProductDirectory } from "./ports/product-directory";
