// The audit relay on the embedded store: each waiting audit event is published once on the audit topic,
// keyed by its review, in the order the changes were made, and then removed; while the bus refuses, the
// events wait and go out once it is back; a crash between publishing and removing publishes the same
// envelopes (same ids) again, which the audit service stores once.
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { readMessage, staffActionEnvelope, staffActionV1, TOPICS } from "@emporium/contracts";
import { MemoryReviewStore } from "../src/adapters/memory/memory-review-store";
import { AuditRelay } from "../src/app/audit-relay";
import { moderationRecord } from "../src/domain/moderation-audit";
import { approveReview, newReview, replyToReview } from "../src/domain/review";
import type { Review } from "../src/domain/types";
import { flakyBus, log } from "./fixture";

const scope = {
  service: "reviews",
  actor: { userId: "staff-1", email: "mod@example.com", role: "manager" },
  requestId: "req-1",
};

/** A review approved and then answered by a moderator: two audit events waiting on it. */
async function moderated(store: MemoryReviewStore): Promise<Review> {
  const review = newReview(
    {
      id: randomUUID(),
      productId: randomUUID(),
      customerId: randomUUID(),
      rating: 5,
      title: "Great",
      body: "b",
    },
    new Date(),
  );
  await store.insert(review);
  const approved = approveReview(review, "staff-1", new Date());
  await store.update(
    approved,
    1,
    null,
    staffActionEnvelope(scope, moderationRecord("approved", review, approved)),
  );
  const answered = replyToReview(approved, "Thank you", "staff-1", new Date());
  await store.update(
    answered,
    2,
    null,
    staffActionEnvelope(scope, moderationRecord("replied", approved, answered)),
  );
  return answered;
}

describe("audit relay", () => {
  it("publishes each waiting event once, in order, keyed by its review, and removes it", async () => {
    const store = new MemoryReviewStore();
    const bus = flakyBus();
    const relay = new AuditRelay({ reviews: store, events: bus, log });
    const [one, two] = [await moderated(store), await moderated(store)];
    const waiting = (await store.pendingAudit(10)).flatMap((p) => p.envelopes);
    await relay.drain();
    expect(bus.published.map((e) => e.topic)).toEqual([1, 2, 3, 4].map(() => TOPICS.audit));
    const events = bus.published.map((e) => readMessage(e.envelope, staffActionV1));
    expect(events.map((e) => e.id)).toEqual(waiting.map((e) => e.id));
    expect(events.map((e) => [e.aggregateId, e.data.action])).toEqual([
      [`review:${one.id}`, "review.approved"],
      [`review:${one.id}`, "review.replied"],
      [`review:${two.id}`, "review.approved"],
      [`review:${two.id}`, "review.replied"],
    ]);
    expect(await store.pendingAudit(10)).toEqual([]);
    await relay.drain();
    expect(bus.published).toHaveLength(4);
  });

  it("keeps the events while the bus refuses them, and publishes them once it is back", async () => {
    const store = new MemoryReviewStore();
    const bus = flakyBus();
    const relay = new AuditRelay({ reviews: store, events: bus, log });
    bus.down = true;
    const review = await moderated(store);
    await relay.drain();
    await relay.drain();
    expect(bus.published).toEqual([]);
    expect((await store.pendingAudit(10))[0]?.envelopes).toHaveLength(2);
    bus.down = false;
    await relay.drain();
    expect(bus.published.map((e) => e.envelope.aggregateId)).toEqual([
      `review:${review.id}`,
      `review:${review.id}`,
    ]);
    expect(await store.pendingAudit(10)).toEqual([]);
  });

  it("publishes the same envelopes again after a crash between publishing and removing", async () => {
    const store = new MemoryReviewStore();
    let crashes = 1;
    const clearAudit = store.clearAudit.bind(store);
    store.clearAudit = async (reviewId, ids) => {
      if (crashes-- > 0) throw new Error("process died before removing");
      return clearAudit(reviewId, ids);
    };
    const bus = flakyBus();
    const relay = new AuditRelay({ reviews: store, events: bus, log });
    await moderated(store);
    await relay.drain();
    const first = bus.published.map((e) => e.envelope.id);
    expect(first).toHaveLength(2);
    expect((await store.pendingAudit(10))[0]?.envelopes.map((e) => e.id)).toEqual(first);
    await relay.drain();
    expect(bus.published.map((e) => e.envelope.id)).toEqual([...first, ...first]);
    expect(await store.pendingAudit(10)).toEqual([]);
  });

  it("works through more waiting reviews than one pass reads", async () => {
    const store = new MemoryReviewStore();
    const bus = flakyBus();
    const relay = new AuditRelay({ reviews: store, events: bus, log, batchSize: 2 });
    const reviews: Review[] = [];
    for (let i = 0; i < 5; i++) reviews.push(await moderated(store));
    relay.wake();
    await relay.drain();
    expect(bus.published).toHaveLength(10);
    expect(new Set(bus.published.map((e) => e.envelope.aggregateId))).toEqual(
      new Set(reviews.map((r) => `review:${r.id}`)),
    );
    expect(await store.pendingAudit(10)).toEqual([]);
  });
});
