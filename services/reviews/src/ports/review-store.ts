// Where reviews, helpful votes, the rating-summary marks and the audit events waiting to go out live: MongoDB, or the embedded store of
// `npm run dev`, both held to one contract suite (test/review-store.contract.ts). A store that cannot
// reach its server throws UnavailableError; every other answer is a value, never a driver error.
import type { Envelope, StaffAction } from "@emporium/contracts";
import type { ReviewCursor } from "../domain/cursor";
import type { RatingCounts, Review, ReviewSort } from "../domain/types";

export interface ApprovedPageQuery {
  productId: string;
  sort: ReviewSort;
  limit: number;
  /** Start strictly after this review in `sort`; null for the first page. */
  after: ReviewCursor | null;
}

/** A product's rating summary is due to be published again because this review changed. */
export interface SummaryMark {
  reviewId: string;
  productId: string;
  /** Unique per change: clearing a mark never clears a newer change to the same review. */
  mark: string;
}

/** Audit events written with changes to one review and not yet published, oldest first. */
export interface PendingAudit {
  reviewId: string;
  envelopes: Envelope<StaffAction>[];
}

export interface ReviewStore {
  /** Stores a new review; "duplicate" (and nothing stored) when its author already reviewed the product. */
  insert(review: Review): Promise<"inserted" | "duplicate">;
  get(id: string): Promise<Review | null>;
  /**
   * Stores `next` (everything but the helpful count, which votes keep) if the stored review is still at
   * `expectedVersion`; "stale" when someone changed it meanwhile (and nothing is written). With `mark`,
   * the same single-document write marks the review's product summary as due (see SummaryMark); with
   * `audit`, it adds the staff change's audit event to the review's events waiting to be published —
   * the change and its audit event are stored together or not at all.
   */
  update(
    next: Review,
    expectedVersion: number,
    mark: string | null,
    audit?: Envelope<StaffAction>,
  ): Promise<"updated" | "stale">;
  /** Approved reviews of a product in `sort`, at most `limit`. */
  approvedPage(query: ApprovedPageQuery): Promise<Review[]>;
  /** How many approved reviews of a product give each rating. */
  ratingCounts(productId: string): Promise<RatingCounts>;
  /** A customer's reviews, newest first. */
  byCustomer(customerId: string, offset: number, limit: number): Promise<{ items: Review[]; total: number }>;
  /** Reviews waiting for moderation, oldest first. */
  pending(offset: number, limit: number): Promise<{ items: Review[]; total: number }>;

  /** Records a helpful vote, not yet counted; "duplicate" when this customer already voted for it. */
  addVote(reviewId: string, customerId: string, at: Date): Promise<"added" | "duplicate">;
  /**
   * Raises the review's helpful count to the number of votes it has (never lowers it: votes are never
   * taken back, so a late recount cannot undo a newer one) and marks those votes counted.
   */
  recountVotes(reviewId: string): Promise<number>;
  /** Reviews with votes recorded before `before` and still not counted (a process died in between). */
  reviewsWithUncountedVotes(before: Date, limit: number): Promise<string[]>;

  /** Marks still due, oldest first. */
  summaryMarks(limit: number): Promise<SummaryMark[]>;
  /** Clears a mark once its summary is published; a newer mark on the same review stays. */
  clearSummaryMark(reviewId: string, mark: string): Promise<void>;

  /** Reviews with audit events waiting, the longest waiting first, at most `limit` reviews. */
  pendingAudit(limit: number): Promise<PendingAudit[]>;
  /**
   * Removes the review's waiting audit events with these envelope ids, once they are published; events
   * added meanwhile stay. Ids no longer waiting are passed over.
   */
  clearAudit(reviewId: string, envelopeIds: readonly string[]): Promise<void>;
}
