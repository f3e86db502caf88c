// The reviews service on a given document store, reached through the tRPC caller as a given principal
// (the context the HTTP server builds from a verified token), with an in-process event bus: deliveries
// are announced on the orders topic as the orders service would, and the rating summaries the service
// publishes on the reviews topic and the staff changes on the audit topic are collected. The catalog is
// a map of variants to products.
import { randomBytes, randomUUID } from "node:crypto";
import { ANONYMOUS, type Principal } from "@emporium/auth";
import {
  createEnvelope,
  orderPlacedV1,
  orderStatusChangedV1,
  productRatingChangedV1,
  readMessage,
  staffActionV1,
  TOPICS,
  type DataOf,
  type Envelope,
  type StaffAction,
} from "@emporium/contracts";
import { InProcessEventBus, type EventBus, type OutgoingEvent } from "@emporium/messaging";
import { createLogger, createServiceMetrics } from "@emporium/observability";
import type { RateLimiter } from "@emporium/service-kit/limits";
import { requestAs } from "@emporium/service-kit/testing";
import { waitFor } from "@emporium/testkit";
import { appRouter } from "../src/api/router/_app";
import { createCallerFactory } from "../src/api/trpc";
import type { ProductDirectory } from "../src/ports/product-directory";
import type { ReviewsStorage } from "../src/ports/reviews-storage";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import {
  createReviewsService,
  openPhotoStorage,
  type PhotoStorage,
  type ReviewsService,
} from "../src/service";

export const log = createLogger({ service: "reviews-test", level: process.env.TEST_LOG_LEVEL ?? "silent" });

const createCaller = createCallerFactory(appRouter);
export type Caller = ReturnType<typeof createCaller>;
export type RatingEvent = DataOf<typeof productRatingChangedV1>;

/** The catalog as far as the reviews service asks it: which product each variant is of. */
export class MapProductDirectory implements ProductDirectory {
  readonly products = new Map<string, string>();
  /** Calls that fail before the next one answers (a catalog that is down). */
  failures = 0;
  calls = 0;

  async productsOf(variantIds: readonly string[]): Promise<Map<string, string>> {
    this.calls += 1;
    if (this.failures > 0) {
      this.failures -= 1;
      throw new Error("catalog unreachable");
    }
    const found = new Map<string, string>();
    for (const v of variantIds) {
      const p = this.products.get(v);
      if (p) found.set(v, p);
    }
    return found;
  }

  /** A new variant of `productId`. */
  variantOf(productId: string): string {
    const variantId = randomUUID();
    this.products.set(variantId, productId);
    return variantId;
  }
}

export function shopper(name = "shopper"): Principal {
  return { kind: "shopper", userId: randomUUID(), email: `${name}-${randomUUID().slice(0, 6)}@example.com` };
}

export const manager: Principal = {
  kind: "staff",
  userId: randomUUID(),
  email: "manager@example.com",
  role: "manager",
};

export interface ReviewsFixture {
  service: ReviewsService;
  storage: ReviewsStorage;
  events: InProcessEventBus;
  products: MapProductDirectory;
  /** A caller acting as `principal` (anonymous by default). */
  as(principal?: Principal): Caller;
  /** Announces an order of `productIds` by `customer` on the orders topic (placed, then delivered). */
  deliver(
    customer: Principal,
    productIds: readonly string[],
    options?: { delivered?: boolean },
  ): Promise<string>;
  /** The rating summaries published so far, oldest first. */
  ratings: RatingEvent[];
  /** Waits for the relay to publish what is due, then for the summary of `productId` to arrive. */
  latestRating(productId: string): Promise<RatingEvent>;
  /** The audit events published so far, oldest first. */
  audit: Envelope<StaffAction>[];
  /** Waits for `count` audit events of the review to arrive (the relay publishing what is due); them, oldest first. */
  auditOf(reviewId: string, count: number): Promise<Envelope<StaffAction>[]>;
  dispose(): Promise<void>;
}

/** Review photos in a temporary folder, with signed forms to `uploadUrl`. */
export async function localPhotoStorage(
  uploadUrl = "http://127.0.0.1:9/uploads",
): Promise<{ photoStorage: PhotoStorage; dir: string; dispose(): Promise<void> }> {
  const dir = await mkdtemp(path.join(tmpdir(), "reviews-photos-"));
  const photoStorage = await openPhotoStorage({ localDir: dir, uploadUrl, secret: randomBytes(32) });
  return { photoStorage, dir, dispose: () => rm(dir, { recursive: true, force: true }) };
}

export interface FixtureOptions {
  /** Where photos go; default: a temporary local folder. */
  photoStorage?: PhotoStorage;
  tokenKey?: Uint8Array;
  photoUploads?: RateLimiter;
}

export async function createReviewsFixture(
  storage: ReviewsStorage,
  disposeStorage: () => Promise<void> = () => storage.close(),
  options: FixtureOptions = {},
): Promise<ReviewsFixture> {
  const events = new InProcessEventBus(log, { delaysMs: [20, 50, 100] });
  const products = new MapProductDirectory();
  const local = options.photoStorage ? null : await localPhotoStorage();
  const service = createReviewsService({
    storage,
    products,
    events,
    log,
    metrics: createServiceMetrics("reviews-test"),
    tokenKey: options.tokenKey ?? new Uint8Array(randomBytes(32)),
    photoStorage: options.photoStorage ?? local?.photoStorage,
    photoUploads: options.photoUploads,
  });
  await service.start();
  const ratings: RatingEvent[] = [];
  const watching = await events.subscribe({
    group: "test-ratings",
    topics: [TOPICS.reviews],
    fromBeginning: true,
    handle: async (envelope) => void ratings.push(readMessage(envelope, productRatingChangedV1).data),
  });
  const audit: Envelope<StaffAction>[] = [];
  const auditing = await events.subscribe({
    group: "test-audit",
    topics: [TOPICS.audit],
    fromBeginning: true,
    handle: async (envelope) => void audit.push(readMessage(envelope, staffActionV1)),
  });

  function orderMessages(customer: Principal, productIds: readonly string[], delivered: boolean) {
    const orderId = randomUUID();
    const number = `EM-${orderId.slice(0, 6)}`;
    const lines = productIds.map((productId, i) => ({
      variantId: products.variantOf(productId),
      sku: `SKU-${i}`,
      title: `Product ${i}`,
      quantity: 1,
      unitPrice: 1_000,
    }));
    const placed = createEnvelope(orderPlacedV1, orderId, {
      orderId,
      number,
      email: customer.kind === "anonymous" ? "guest@example.com" : customer.email,
      customerId: customer.kind === "anonymous" ? null : customer.userId,
      currency: "USD",
      lines,
      subtotal: 1_000 * lines.length,
      shippingTotal: 0,
      total: 1_000 * lines.length,
      shippingMethod: "standard",
      shippingAddress: { name: "A", line1: "1 Road", city: "Town", postalCode: "12345", country: "US" },
    });
    const statusChanged = createEnvelope(orderStatusChangedV1, orderId, {
      orderId,
      number,
      from: "SHIPPED",
      to: "DELIVERED",
      reason: null,
    });
    return {
      orderId,
      messages: [placed, ...(delivered ? [statusChanged] : [])].map((envelope) => ({
        topic: TOPICS.orders,
        envelope,
      })),
    };
  }

  async function deliver(customer: Principal, productIds: readonly string[], options = { delivered: true }) {
    const { orderId, messages } = orderMessages(customer, productIds, options.delivered);
    // A delivery to someone else right after it: once that one is learned, this order was read too
    // (one reader per topic, in order).
    const marker = shopper("marker");
    const markerProduct = randomUUID();
    const after = orderMessages(marker, [markerProduct], true);
    await events.publish([...messages, ...after.messages]);
    await waitFor(
      () => marker.kind !== "anonymous" && storage.purchases.hasReceived(marker.userId, markerProduct),
      {
        what: "the orders topic to be read",
      },
    );
    return orderId;
  }

  return {
    service,
    storage,
    events,
    products,
    as: (principal = ANONYMOUS) => createCaller({ ...service.base, ...requestAs(principal) }),
    deliver,
    ratings,
    async latestRating(productId) {
      await service.relay?.drain();
      return waitFor(() => ratings.filter((r) => r.productId === productId).at(-1), {
        what: `the rating summary of ${productId}`,
      });
    },
    audit,
    async auditOf(reviewId, count) {
      await service.auditRelay?.drain();
      const of = () => audit.filter((e) => e.data.target.type === "review" && e.data.target.id === reviewId);
      return waitFor(() => (of().length >= count ? of() : undefined), {
        what: `${count} audit events of review ${reviewId}`,
      });
    },
    async dispose() {
      await auditing.stop();
      await watching.stop();
      await service.stop();
      await events.close();
      await disposeStorage();
      await local?.dispose();
    },
  };
}

/** A bus that refuses to publish while `down`, and records what it accepted (the relays' tests). */
export function flakyBus(): EventBus & { down: boolean; published: OutgoingEvent[] } {
  const inner = new InProcessEventBus(log);
  const bus = {
    down: false,
    published: [] as OutgoingEvent[],
    async publish(events: readonly OutgoingEvent[]) {
      if (bus.down) throw new Error("broker unreachable");
      bus.published.push(...events);
    },
    publishRaw: inner.publishRaw.bind(inner),
    subscribe: inner.subscribe.bind(inner),
    deadLetters: inner.deadLetters.bind(inner),
    consumerLag: inner.consumerLag.bind(inner),
    deadLetterBacklog: inner.deadLetterBacklog.bind(inner),
    close: inner.close.bind(inner),
  };
  return bus;
}

export { refusal } from "@emporium/service-kit/testing";
