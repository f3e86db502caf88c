// The rating-summary relay on the embedded store: a summary due is published once the bus takes it,
// kept due while the bus refuses it, computed from the approved reviews as they stand when published,
// and one summary per product however many of its reviews changed.
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { productRatingChangedV1, readMessage, TOPICS } from "@emporium/contracts";
import { MemoryReviewStore } from "../src/adapters/memory/memory-review-store";
import { RatingRelay } from "../src/app/rating-relay";
import { approveReview, newReview } from "../src/domain/review";
import type { Rating } from "../src/domain/types";
import { flakyBus, log } from "./fixture";

async function approvedReview(store: MemoryReviewStore, productId: string, rating: Rating) {
  const review = newReview(
    { id: randomUUID(), productId, customerId: randomUUID(), rating, title: "t", body: "b" },
    new Date(),
  );
  await store.insert(review);
  await store.update(approveReview(review, "staff", new Date()), 1, randomUUID());
}

describe("rating relay", () => {
  it("publishes each due product once, with its summary as it stands, and clears the marks", async () => {
    const store = new MemoryReviewStore();
    const bus = flakyBus();
    const relay = new RatingRelay({ reviews: store, events: bus, log });
    const [coat, hat] = [randomUUID(), randomUUID()];
    await approvedReview(store, coat, 5);
    await approvedReview(store, coat, 4);
    await approvedReview(store, hat, 2);
    await relay.drain();
    const summaries = bus.published.map((e) => {
      expect(e.topic).toBe(TOPICS.reviews);
      return readMessage(e.envelope, productRatingChangedV1);
    });
    expect(summaries.map((s) => [s.aggregateId, s.data])).toEqual([
      [coat, { productId: coat, average: 4.5, count: 2 }],
      [hat, { productId: hat, average: 2, count: 1 }],
    ]);
    expect(await store.summaryMarks(10)).toEqual([]);
    await relay.drain();
    expect(bus.published).toHaveLength(2);
  });

  it("keeps a summary due while the bus refuses it, and publishes it once the bus is back", async () => {
    const store = new MemoryReviewStore();
    const bus = flakyBus();
    const relay = new RatingRelay({ reviews: store, events: bus, log });
    const productId = randomUUID();
    bus.down = true;
    await approvedReview(store, productId, 3);
    await relay.drain();
    expect(bus.published).toEqual([]);
    expect(await store.summaryMarks(10)).toHaveLength(1);
    bus.down = false;
    await relay.drain();
    expect(bus.published.map((e) => e.envelope.data)).toEqual([{ productId, average: 3, count: 1 }]);
    expect(await store.summaryMarks(10)).toEqual([]);
  });

  it("works through more due marks than one pass reads", async () => {
    const store = new MemoryReviewStore();
    const bus = flakyBus();
    const relay = new RatingRelay({ reviews: store, events: bus, log, batchSize: 2 });
    const products = [randomUUID(), randomUUID(), randomUUID(), randomUUID(), randomUUID()];
    for (const p of products) await approvedReview(store, p, 4);
    relay.wake();
    await relay.drain();
    expect(new Set(bus.published.map((e) => e.envelope.aggregateId))).toEqual(new Set(products));
    expect(await store.summaryMarks(10)).toEqual([]);
  });
});
