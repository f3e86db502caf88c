// The embedded review store of `npm run dev` and the unit tests: the Mongo store's contract in plain
// maps, with the same unique rules (one review per customer and product, one vote per customer and
// review). Everything handed in or out is a copy, as it would be over a wire. Nothing survives a restart.
import type { Envelope, StaffAction } from "@emporium/contracts";
import { comesAfter, compareIn } from "../../domain/cursor";
import { emptyCounts } from "../../domain/review";
import type { RatingCounts, Review } from "../../domain/types";
import type { ApprovedPageQuery, PendingAudit, ReviewStore, SummaryMark } from "../../ports/review-store";

interface Vote {
  reviewId: string;
  customerId: string;
  at: Date;
  counted: boolean;
}

export class MemoryReviewStore implements ReviewStore {
  private readonly reviews = new Map<string, Review>();
  /** `${productId}\u0000${customerId}` → review id: the unique rule. */
  private readonly byAuthor = new Map<string, string>();
  private readonly votes = new Map<string, Vote>();
  private readonly marks = new Map<string, { mark: string; seq: number }>();
  /** Review id → its audit events waiting, and when the first of them was added. */
  private readonly audit = new Map<string, { envelopes: Envelope<StaffAction>[]; seq: number }>();
  private seq = 0;

  async insert(review: Review): Promise<"inserted" | "duplicate"> {
    const author = `${review.productId}\u0000${review.customerId}`;
    if (this.byAuthor.has(author) || this.reviews.has(review.id)) return "duplicate";
    this.byAuthor.set(author, review.id);
    this.reviews.set(review.id, structuredClone(review));
    return "inserted";
  }

  async get(id: string): Promise<Review | null> {
    const review = this.reviews.get(id);
    return review ? structuredClone(review) : null;
  }

  async update(
    next: Review,
    expectedVersion: number,
    mark: string | null,
    audit?: Envelope<StaffAction>,
  ): Promise<"updated" | "stale"> {
    const stored = this.reviews.get(next.id);
    if (!stored || stored.version !== expectedVersion) return "stale";
    // The helpful count is the votes' to keep, never the writer's copy.
    this.reviews.set(next.id, { ...structuredClone(next), helpfulCount: stored.helpfulCount });
    if (mark) this.marks.set(next.id, { mark, seq: ++this.seq });
    if (audit) {
      const waiting = this.audit.get(next.id) ?? { envelopes: [], seq: ++this.seq };
      waiting.envelopes.push(structuredClone(audit));
      this.audit.set(next.id, waiting);
    }
    return "updated";
  }

  async approvedPage(q: ApprovedPageQuery): Promise<Review[]> {
    const after = q.after;
    return [...this.reviews.values()]
      .filter((r) => r.productId === q.productId && r.status === "approved")
      .filter((r) => !after || comesAfter(r, after))
      .sort(compareIn(q.sort))
      .slice(0, q.limit)
      .map((r) => structuredClone(r));
  }

  async ratingCounts(productId: string): Promise<RatingCounts> {
    const counts = emptyCounts();
    for (const r of this.reviews.values())
      if (r.productId === productId && r.status === "approved") counts[r.rating] += 1;
    return counts;
  }

  async byCustomer(customerId: string, offset: number, limit: number) {
    const all = [...this.reviews.values()]
      .filter((r) => r.customerId === customerId)
      .sort(compareIn("newest"));
    return { items: all.slice(offset, offset + limit).map((r) => structuredClone(r)), total: all.length };
  }

  async pending(offset: number, limit: number) {
    const all = [...this.reviews.values()]
      .filter((r) => r.status === "pending")
      .sort((a, b) => -compareIn("newest")(a, b));
    return { items: all.slice(offset, offset + limit).map((r) => structuredClone(r)), total: all.length };
  }

  async addVote(reviewId: string, customerId: string, at: Date): Promise<"added" | "duplicate"> {
    const key = `${reviewId}\u0000${customerId}`;
    if (this.votes.has(key)) return "duplicate";
    this.votes.set(key, { reviewId, customerId, at, counted: false });
    return "added";
  }

  async recountVotes(reviewId: string): Promise<number> {
    const mine = [...this.votes.values()].filter((v) => v.reviewId === reviewId);
    const review = this.reviews.get(reviewId);
    if (review) review.helpfulCount = Math.max(review.helpfulCount, mine.length);
    for (const v of mine) v.counted = true;
    return review?.helpfulCount ?? mine.length;
  }

  async reviewsWithUncountedVotes(before: Date, limit: number): Promise<string[]> {
    const ids = new Set<string>();
    for (const v of this.votes.values()) if (!v.counted && v.at < before) ids.add(v.reviewId);
    return [...ids].slice(0, limit);
  }

  async summaryMarks(limit: number): Promise<SummaryMark[]> {
    return [...this.marks]
      .sort(([, a], [, b]) => a.seq - b.seq)
      .slice(0, limit)
      .flatMap(([reviewId, { mark }]) => {
        const review = this.reviews.get(reviewId);
        return review ? [{ reviewId, productId: review.productId, mark }] : [];
      });
  }

  async clearSummaryMark(reviewId: string, mark: string): Promise<void> {
    if (this.marks.get(reviewId)?.mark === mark) this.marks.delete(reviewId);
  }

  async pendingAudit(limit: number): Promise<PendingAudit[]> {
    return [...this.audit]
      .sort(([, a], [, b]) => a.seq - b.seq)
      .slice(0, limit)
      .map(([reviewId, { envelopes }]) => ({ reviewId, envelopes: structuredClone(envelopes) }));
  }

  async clearAudit(reviewId: string, envelopeIds: readonly string[]): Promise<void> {
    const waiting = this.audit.get(reviewId);
    if (!waiting) return;
    waiting.envelopes = waiting.envelopes.filter((e) => !envelopeIds.includes(e.id));
    if (waiting.envelopes.length === 0) this.audit.delete(reviewId);
  }
}
