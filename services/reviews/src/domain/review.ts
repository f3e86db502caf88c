// The rules of a review's life, as plain functions over plain data:
//
//   write ─► pending ──approve──► approved ──edit──► pending (again)
//              │  ▲                  │
//              │  └──────approve─────┤
//              └──reject──► rejected ◄┘ reject (a take-down)
//
// Every change appends to the review's history and counts its version. Whether a change moves the review
// into or out of the approved set decides whether the product's rating summary must be published again.
import { ConflictError, PreconditionError } from "@emporium/service-kit/errors";
import {
  RATINGS,
  type ModerationEntry,
  type MyReview,
  type PublicReview,
  type Rating,
  type RatingCounts,
  type RatingSummary,
  type Review,
  type ReviewPhoto,
  type ReviewStatus,
} from "./types";

export const TITLE_MAX = 120;
export const BODY_MAX = 5_000;
export const AUTHOR_NAME_MAX = 60;
export const REASON_MAX = 500;
export const REPLY_MAX = 2_000;
export const PAGE_SIZE_MAX = 50;
export const DEFAULT_PAGE_SIZE = 10;
/** The newest history entries kept on a review; older ones fall off so a document stays bounded. */
export const HISTORY_LIMIT = 50;
/** What the shop shows when the author gave no name. */
export const DEFAULT_AUTHOR_NAME = "Verified buyer";

export interface NewReview {
  id: string;
  productId: string;
  customerId: string;
  authorName?: string | undefined;
  rating: Rating;
  title: string;
  body: string;
  photos?: readonly ReviewPhoto[] | undefined;
}

function withHistory(history: readonly ModerationEntry[], entry: ModerationEntry): ModerationEntry[] {
  return [...history, entry].slice(-HISTORY_LIMIT);
}

/** A new review, waiting for moderation. */
export function newReview(input: NewReview, now: Date): Review {
  const at = now.toISOString();
  return {
    id: input.id,
    productId: input.productId,
    customerId: input.customerId,
    authorName: input.authorName ?? DEFAULT_AUTHOR_NAME,
    rating: input.rating,
    title: input.title,
    body: input.body,
    photos: (input.photos ?? []).map((p) => ({ ...p })),
    status: "pending",
    rejectionReason: null,
    helpfulCount: 0,
    reply: null,
    history: [{ action: "submitted", by: input.customerId, at }],
    createdAt: at,
    updatedAt: at,
    version: 1,
  };
}

export interface ReviewChanges {
  rating?: Rating | undefined;
  title?: string | undefined;
  body?: string | undefined;
  photos?: readonly ReviewPhoto[] | undefined;
  authorName?: string | undefined;
}

/** The author's edit: the new content goes back to moderation, whatever the review's state was. */
export function editReview(review: Review, changes: ReviewChanges, now: Date): Review {
  const at = now.toISOString();
  return {
    ...review,
    rating: changes.rating ?? review.rating,
    title: changes.title ?? review.title,
    body: changes.body ?? review.body,
    photos: (changes.photos ?? review.photos).map((p) => ({ ...p })),
    authorName: changes.authorName ?? review.authorName,
    status: "pending",
    rejectionReason: null,
    history: withHistory(review.history, { action: "edited", by: review.customerId, at }),
    updatedAt: at,
    version: review.version + 1,
  };
}

export function approveReview(review: Review, staffId: string, now: Date): Review {
  if (review.status === "approved") throw new ConflictError("This review is already approved");
  const at = now.toISOString();
  return {
    ...review,
    status: "approved",
    rejectionReason: null,
    history: withHistory(review.history, { action: "approved", by: staffId, at }),
    updatedAt: at,
    version: review.version + 1,
  };
}

export function rejectReview(review: Review, reason: string, staffId: string, now: Date): Review {
  if (review.status === "rejected") throw new ConflictError("This review is already rejected");
  const at = now.toISOString();
  return {
    ...review,
    status: "rejected",
    rejectionReason: reason,
    history: withHistory(review.history, { action: "rejected", by: staffId, at, reason }),
    updatedAt: at,
    version: review.version + 1,
  };
}

/** The shop's public reply; a second reply replaces the first. */
export function replyToReview(review: Review, body: string, staffId: string, now: Date): Review {
  const at = now.toISOString();
  return {
    ...review,
    reply: { body, by: staffId, at },
    history: withHistory(review.history, { action: "replied", by: staffId, at }),
    updatedAt: at,
    version: review.version + 1,
  };
}

/** Whether going from `before` to `after` adds a review to its product's approved set or takes one out. */
export function changesApprovedSet(before: ReviewStatus, after: ReviewStatus): boolean {
  return (before === "approved") !== (after === "approved");
}

/** A shopper may find another's review helpful, once; their own, never. */
export function checkHelpfulVote(review: Review, customerId: string): void {
  if (review.customerId === customerId)
    throw new PreconditionError("You cannot mark your own review as helpful");
}

export function emptyCounts(): RatingCounts {
  return { 1: 0, 2: 0, 3: 0, 4: 0, 5: 0 };
}

/** Average (two decimals; null with no review), count and distribution from the approved ratings. */
export function summarize(productId: string, counts: RatingCounts): RatingSummary {
  let count = 0;
  let sum = 0;
  for (const r of RATINGS) {
    count += counts[r];
    sum += r * counts[r];
  }
  return {
    productId,
    average: count === 0 ? null : Math.round((sum / count) * 100) / 100,
    count,
    distribution: { ...counts },
  };
}

function editedAt(review: Review): string | null {
  const edits = review.history.filter((h) => h.action === "edited");
  return edits.at(-1)?.at ?? null;
}

export function publicView(review: Review): PublicReview {
  return {
    id: review.id,
    productId: review.productId,
    authorName: review.authorName,
    rating: review.rating,
    title: review.title,
    body: review.body,
    photos: review.photos.map((p) => ({ ...p })),
    helpfulCount: review.helpfulCount,
    verifiedPurchase: true,
    reply: review.reply ? { body: review.reply.body, at: review.reply.at } : null,
    createdAt: review.createdAt,
    editedAt: editedAt(review),
  };
}

export function authorView(review: Review): MyReview {
  const { verifiedPurchase: _shown, ...shown } = publicView(review);
  return { ...shown, status: review.status, rejectionReason: review.rejectionReason };
}

export function pageCountOf(total: number, pageSize: number): number {
  return Math.max(1, Math.ceil(total / pageSize));
}
