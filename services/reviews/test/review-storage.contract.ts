// The contract of the service's document store (ports/review-store.ts, ports/purchase-ledger.ts), as one
// suite run against every adapter: the in-memory one in test/memory-storage.test.ts, MongoDB in
// test/mongo-storage.int.test.ts. Each test gets a fresh, empty store.
import { randomUUID } from "node:crypto";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { staffActionEnvelope, type Envelope, type StaffAction } from "@emporium/contracts";
import { compareIn, cursorAfter } from "../src/domain/cursor";
import { moderationRecord, type ReviewAuditAction } from "../src/domain/moderation-audit";
import { approveReview, newReview, rejectReview, replyToReview } from "../src/domain/review";
import { REVIEW_SORTS, type Rating, type Review, type ReviewSort } from "../src/domain/types";
import type { ReviewsStorage } from "../src/ports/reviews-storage";

export interface StorageUnderTest {
  storage: ReviewsStorage;
  dispose(): Promise<void>;
}

const at = (minute: number) => new Date(Date.UTC(2026, 0, 1, 12, minute));

function written(
  productId: string,
  rating: Rating,
  minute: number,
  customerId: string = randomUUID(),
): Review {
  return newReview(
    { id: randomUUID(), productId, customerId, rating, title: `${rating} stars`, body: "Fine." },
    at(minute),
  );
}

/** The audit event of a moderator's change from `before` to `after`, as moderation.ts builds it. */
function auditOf(action: ReviewAuditAction, before: Review, after: Review): Envelope<StaffAction> {
  return staffActionEnvelope(
    {
      service: "reviews",
      actor: { userId: "staff-1", email: "mod@example.com", role: "manager" },
      requestId: randomUUID(),
      traceparent: "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01",
    },
    moderationRecord(action, before, after),
    new Date(after.updatedAt),
  );
}

export function reviewStorageContract(
  name: string,
  available: boolean,
  make: () => Promise<StorageUnderTest>,
): void {
  describe(`review storage contract: ${name}`, () => {
    let under: StorageUnderTest;
    let s: ReviewsStorage;
    beforeEach(async () => {
      if (!available) return;
      under = await make();
      s = under.storage;
    });
    afterEach(async () => {
      if (available) await under.dispose();
    });

    /** Stores `review` and approves it (a write from version 1 to 2). */
    async function approved(review: Review): Promise<Review> {
      expect(await s.reviews.insert(review)).toBe("inserted");
      const next = approveReview(review, "staff", at(59));
      expect(await s.reviews.update(next, review.version, null)).toBe("updated");
      return next;
    }

    it.runIf(available)("stores a review exactly as written and hands out copies", async () => {
      const review = {
        ...written(randomUUID(), 4, 1),
        title: `<img src=x onerror="alert('t')">`,
        body: "<script>document.cookie</script>\n\tüñí — 😀",
        photos: [
          {
            key: `reviews/${randomUUID()}/${randomUUID()}-1600.webp`,
            alt: "The collar, <b>close</b>",
            width: 1600,
            height: 1200,
          },
          { key: `reviews/${randomUUID()}/${randomUUID()}-1600.webp`, alt: "", width: 640, height: 480 },
        ],
      };
      expect(await s.reviews.insert(review)).toBe("inserted");
      const read = await s.reviews.get(review.id);
      expect(read).toEqual(review);
      if (!read) return;
      read.title = "changed by the caller";
      read.photos.push({ key: "reviews/c.webp", alt: "", width: 1, height: 1 });
      if (read.photos[0]) read.photos[0].alt = "changed too";
      expect(await s.reviews.get(review.id)).toEqual(review);
      expect(await s.reviews.get(randomUUID())).toBeNull();
    });

    it.runIf(available)("keeps one review per customer and product, the first", async () => {
      const first = written(randomUUID(), 5, 1);
      expect(await s.reviews.insert(first)).toBe("inserted");
      const second = { ...written(first.productId, 1, 2, first.customerId), title: "second" };
      expect(await s.reviews.insert(second)).toBe("duplicate");
      expect(await s.reviews.get(second.id)).toBeNull();
      expect(await s.reviews.get(first.id)).toEqual(first);
      // The same customer reviews another product; another customer the same one.
      expect(await s.reviews.insert(written(randomUUID(), 3, 3, first.customerId))).toBe("inserted");
      expect(await s.reviews.insert(written(first.productId, 3, 3))).toBe("inserted");
    });

    it.runIf(available)("updates only from the version it read, and never the helpful count", async () => {
      const review = written(randomUUID(), 4, 1);
      const approvedOne = await approved(review);
      // A second moderator working from the first copy is refused.
      expect(await s.reviews.update(rejectReview(review, "late", "staff-2", at(60)), 1, null)).toBe("stale");
      expect(await s.reviews.get(review.id)).toMatchObject({ status: "approved", version: 2 });

      expect(await s.reviews.addVote(review.id, randomUUID(), at(61))).toBe("added");
      expect(await s.reviews.recountVotes(review.id)).toBe(1);
      // A write from a copy read before the vote keeps the vote.
      const rejected = rejectReview(approvedOne, "Spam", "staff", at(62));
      expect(rejected.helpfulCount).toBe(0);
      expect(await s.reviews.update(rejected, 2, null)).toBe("updated");
      expect(await s.reviews.get(review.id)).toMatchObject({
        status: "rejected",
        rejectionReason: "Spam",
        helpfulCount: 1,
        version: 3,
      });
      expect(await s.reviews.update({ ...rejected, id: randomUUID() }, 3, null)).toBe("stale");
    });

    it.runIf(available)("lists a product's approved reviews in every order, a page at a time", async () => {
      const productId = randomUUID();
      // Ties in every key: equal minutes, equal ratings, equal helpful counts.
      const plan: [Rating, number, number][] = [
        [5, 1, 2],
        [3, 2, 0],
        [5, 2, 2],
        [1, 3, 3],
        [3, 4, 0],
        [4, 1, 2],
        [2, 5, 1],
      ];
      const shown: Review[] = [];
      for (const [rating, minute, votes] of plan) {
        const review = await approved(written(productId, rating, minute));
        for (let v = 0; v < votes; v++) await s.reviews.addVote(review.id, randomUUID(), at(70));
        await s.reviews.recountVotes(review.id);
        shown.push({ ...review, helpfulCount: votes });
      }
      // Neither a pending review, nor a rejected one, nor another product's.
      await s.reviews.insert(written(productId, 5, 9));
      const rejected = written(productId, 5, 9);
      await s.reviews.insert(rejected);
      await s.reviews.update(rejectReview(rejected, "no", "staff", at(60)), 1, null);
      await approved(written(randomUUID(), 5, 9));

      for (const sort of REVIEW_SORTS satisfies readonly ReviewSort[]) {
        const expected = [...shown].sort(compareIn(sort)).map((r) => r.id);
        const seen: string[] = [];
        let after = null;
        for (let pages = 0; pages < 10; pages++) {
          const page: Review[] = await s.reviews.approvedPage({ productId, sort, limit: 3, after });
          seen.push(...page.map((r) => r.id));
          const last = page.at(-1);
          if (page.length < 3 || !last) break;
          after = cursorAfter(last, sort);
        }
        expect(seen, sort).toEqual(expected);
      }
      const firstPage = await s.reviews.approvedPage({ productId, sort: "helpful", limit: 2, after: null });
      expect(firstPage.map((r) => r.helpfulCount)).toEqual([3, 2]);
    });

    it.runIf(available)("counts a product's approved ratings only", async () => {
      const productId = randomUUID();
      for (const [rating, minute] of [
        [5, 1],
        [5, 2],
        [2, 3],
      ] as const)
        await approved(written(productId, rating, minute));
      await s.reviews.insert(written(productId, 1, 4));
      await approved(written(randomUUID(), 1, 5));
      expect(await s.reviews.ratingCounts(productId)).toEqual({ 1: 0, 2: 1, 3: 0, 4: 0, 5: 2 });
      expect(await s.reviews.ratingCounts(randomUUID())).toEqual({ 1: 0, 2: 0, 3: 0, 4: 0, 5: 0 });
    });

    it.runIf(available)("lists a customer's reviews newest first and the queue oldest first", async () => {
      const customerId = randomUUID();
      const mine = [written(randomUUID(), 4, 3, customerId), written(randomUUID(), 2, 1, customerId)];
      for (const r of mine) await s.reviews.insert(r);
      await approved(written(randomUUID(), 5, 2, customerId));
      const others = [written(randomUUID(), 3, 0), written(randomUUID(), 3, 5)];
      for (const r of others) await s.reviews.insert(r);

      const page = await s.reviews.byCustomer(customerId, 0, 2);
      expect(page.total).toBe(3);
      expect(page.items.map((r) => r.createdAt)).toEqual([at(3).toISOString(), at(2).toISOString()]);
      expect((await s.reviews.byCustomer(customerId, 2, 2)).items.map((r) => r.id)).toEqual([mine[1]?.id]);

      const queue = await s.reviews.pending(0, 10);
      expect(queue.total).toBe(4);
      expect(queue.items.map((r) => r.createdAt)).toEqual([0, 1, 3, 5].map((m) => at(m).toISOString()));
      expect((await s.reviews.pending(3, 10)).items.map((r) => r.id)).toEqual([others[1]?.id]);
    });

    it.runIf(available)("counts one helpful vote per customer, and a recount never lowers it", async () => {
      const review = await approved(written(randomUUID(), 5, 1));
      const [ann, bob] = [randomUUID(), randomUUID()];
      expect(await s.reviews.addVote(review.id, ann, at(10))).toBe("added");
      expect(await s.reviews.addVote(review.id, ann, at(11))).toBe("duplicate");
      expect(await s.reviews.reviewsWithUncountedVotes(at(20), 10)).toEqual([review.id]);
      expect(await s.reviews.reviewsWithUncountedVotes(at(5), 10)).toEqual([]);
      expect(await s.reviews.recountVotes(review.id)).toBe(1);
      expect(await s.reviews.reviewsWithUncountedVotes(at(20), 10)).toEqual([]);
      expect(await s.reviews.addVote(review.id, bob, at(12))).toBe("added");
      expect(await s.reviews.recountVotes(review.id)).toBe(2);
      expect(await s.reviews.recountVotes(review.id)).toBe(2);
      expect(await s.reviews.get(review.id)).toMatchObject({ helpfulCount: 2 });
      // Votes are per review: Ann may find another review helpful too.
      const other = await approved(written(review.productId, 3, 2));
      expect(await s.reviews.addVote(other.id, ann, at(13))).toBe("added");
      expect(await s.reviews.recountVotes(other.id)).toBe(1);
    });

    it.runIf(available)("marks a summary due with the change, and clears only the mark it read", async () => {
      const review = written(randomUUID(), 5, 1);
      await s.reviews.insert(review);
      expect(await s.reviews.summaryMarks(10)).toEqual([]);
      const approvedOne = approveReview(review, "staff", at(2));
      expect(await s.reviews.update(approvedOne, 1, "mark-1")).toBe("updated");
      expect(await s.reviews.summaryMarks(10)).toEqual([
        { reviewId: review.id, productId: review.productId, mark: "mark-1" },
      ]);
      // A newer change marks it again before the relay cleared the first mark.
      expect(await s.reviews.update(rejectReview(approvedOne, "no", "staff", at(3)), 2, "mark-2")).toBe(
        "updated",
      );
      await s.reviews.clearSummaryMark(review.id, "mark-1");
      expect((await s.reviews.summaryMarks(10)).map((m) => m.mark)).toEqual(["mark-2"]);
      await s.reviews.clearSummaryMark(review.id, "mark-2");
      expect(await s.reviews.summaryMarks(10)).toEqual([]);
      // A refused (stale) write marks nothing.
      expect(await s.reviews.update(approvedOne, 1, "mark-3")).toBe("stale");
      expect(await s.reviews.summaryMarks(10)).toEqual([]);
    });

    it.runIf(available)("lists due marks oldest first, at most as many as asked", async () => {
      const reviews = [written(randomUUID(), 5, 1), written(randomUUID(), 4, 2), written(randomUUID(), 3, 3)];
      for (const [i, r] of reviews.entries()) {
        await s.reviews.insert(r);
        await s.reviews.update(approveReview(r, "staff", at(10)), 1, `m${i}`);
        await new Promise((resolve) => setTimeout(resolve, 5));
      }
      expect((await s.reviews.summaryMarks(2)).map((m) => m.mark)).toEqual(["m0", "m1"]);
    });

    it.runIf(available)(
      "stores a staff change's audit event with the change, never with a refused one",
      async () => {
        const review = { ...written(randomUUID(), 2, 1), title: `<b>"Meh"</b> — üñí` };
        await s.reviews.insert(review);
        expect(await s.reviews.pendingAudit(10)).toEqual([]);
        const rejected = rejectReview(review, "Off-topic", "staff-1", at(2));
        const event = auditOf("rejected", review, rejected);
        expect(await s.reviews.update(rejected, 1, null, event)).toBe("updated");
        // Exactly as built: the nested data, the reason, the trace; the review itself is unchanged by it.
        expect(await s.reviews.pendingAudit(10)).toEqual([{ reviewId: review.id, envelopes: [event] }]);
        expect(await s.reviews.get(review.id)).toEqual(rejected);
        // A second moderator working from the first copy is refused, and logs nothing.
        const late = approveReview(review, "staff-2", at(3));
        expect(await s.reviews.update(late, 1, "mark", auditOf("approved", review, late))).toBe("stale");
        expect(await s.reviews.pendingAudit(10)).toEqual([{ reviewId: review.id, envelopes: [event] }]);
        expect(await s.reviews.summaryMarks(10)).toEqual([]);
        // A change without an audit event (the author's edit) adds none.
        expect(await s.reviews.update({ ...rejected, version: 3 }, 2, null)).toBe("updated");
        expect((await s.reviews.pendingAudit(10))[0]?.envelopes).toEqual([event]);
      },
    );

    it.runIf(available)("removes exactly the published audit events: one added meanwhile stays", async () => {
      const review = written(randomUUID(), 4, 1);
      await s.reviews.insert(review);
      const approvedOne = approveReview(review, "staff-1", at(2));
      const answered = replyToReview(approvedOne, "Thanks!", "staff-1", at(3));
      const [first, second] = [
        auditOf("approved", review, approvedOne),
        auditOf("replied", approvedOne, answered),
      ];
      await s.reviews.update(approvedOne, 1, "m1", first);
      await s.reviews.update(answered, 2, null, second);
      const read = await s.reviews.pendingAudit(10);
      expect(read.map((p) => p.envelopes.map((e) => e.data.action))).toEqual([
        ["review.approved", "review.replied"],
      ]);

      // The relay has published what it read; meanwhile another change adds a third.
      const rejected = rejectReview(answered, "Spam", "staff-2", at(4));
      const third = auditOf("rejected", answered, rejected);
      await s.reviews.update(rejected, 3, "m2", third);
      await s.reviews.clearAudit(review.id, [first.id, second.id]);
      expect(await s.reviews.pendingAudit(10)).toEqual([{ reviewId: review.id, envelopes: [third] }]);
      // Clearing again, or an id that is not waiting, changes nothing.
      await s.reviews.clearAudit(review.id, [first.id, randomUUID()]);
      await s.reviews.clearAudit(randomUUID(), [third.id]);
      expect(await s.reviews.pendingAudit(10)).toEqual([{ reviewId: review.id, envelopes: [third] }]);
      await s.reviews.clearAudit(review.id, [third.id]);
      expect(await s.reviews.pendingAudit(10)).toEqual([]);
      // The summary marks are the rating relay's own: clearing audit events left them as they were.
      expect((await s.reviews.summaryMarks(10)).map((m) => m.mark)).toEqual(["m2"]);
      // Once all are gone, the next change's event makes the review due again.
      const approvedAgain = approveReview(rejected, "staff-1", at(5));
      const fourth = auditOf("approved", rejected, approvedAgain);
      await s.reviews.update(approvedAgain, 4, null, fourth);
      expect(await s.reviews.pendingAudit(10)).toEqual([{ reviewId: review.id, envelopes: [fourth] }]);
    });

    it.runIf(available)("lists reviews with audit events waiting, the longest waiting first", async () => {
      const reviews = [written(randomUUID(), 5, 1), written(randomUUID(), 4, 2), written(randomUUID(), 3, 3)];
      for (const r of reviews) {
        await s.reviews.insert(r);
        const next = approveReview(r, "staff-1", at(10));
        await s.reviews.update(next, 1, null, auditOf("approved", r, next));
        await new Promise((resolve) => setTimeout(resolve, 5));
      }
      // A later event on the first review does not move it back in the line.
      const [firstReview] = reviews;
      if (!firstReview) return;
      const approvedFirst = approveReview(firstReview, "staff-1", at(10));
      const answered = replyToReview(approvedFirst, "Thanks", "staff-1", at(11));
      await s.reviews.update(answered, 2, null, auditOf("replied", approvedFirst, answered));
      const due = await s.reviews.pendingAudit(2);
      expect(due.map((p) => p.reviewId)).toEqual([reviews[0]?.id, reviews[1]?.id]);
      expect(due[0]?.envelopes.map((e) => e.data.action)).toEqual(["review.approved", "review.replied"]);
      expect(await s.reviews.pendingAudit(10)).toHaveLength(3);
    });

    it.runIf(available)("learns who received what, once however often it is told", async () => {
      const [customerId, orderId] = [randomUUID(), randomUUID()];
      const products = [randomUUID(), randomUUID()];
      expect(await s.purchases.findOrder(orderId)).toBeNull();
      await s.purchases.recordOrder({ orderId, customerId, productIds: products });
      await s.purchases.recordOrder({ orderId, customerId, productIds: products });
      expect(await s.purchases.findOrder(orderId)).toEqual({ orderId, customerId, productIds: products });
      expect(await s.purchases.hasReceived(customerId, products[0] ?? "")).toBe(false);

      await s.purchases.recordPurchases(customerId, products, orderId, at(1));
      await s.purchases.recordPurchases(customerId, products, orderId, at(2));
      await s.purchases.recordPurchases(customerId, [products[0] ?? ""], randomUUID(), at(3));
      for (const p of products) expect(await s.purchases.hasReceived(customerId, p)).toBe(true);
      expect(await s.purchases.hasReceived(randomUUID(), products[0] ?? "")).toBe(false);
      expect(await s.purchases.hasReceived(customerId, randomUUID())).toBe(false);
    });

    it.runIf(available)("answers a ping", async () => {
      await expect(s.ping()).resolves.toBeUndefined();
    });
  });
}
