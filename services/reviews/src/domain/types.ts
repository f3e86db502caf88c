// What the reviews service keeps and shows. A review is one document: its content, its moderation
// state and history, the shop's public reply and its helpful count are read and changed together.
// Dates are ISO strings here and in every answer; the Mongo adapter stores them as dates.

export const REVIEW_STATUSES = ["pending", "approved", "rejected"] as const;
/** pending: waiting for moderation (new or edited); approved: shown in the shop; rejected: not shown. */
export type ReviewStatus = (typeof REVIEW_STATUSES)[number];

export const REVIEW_SORTS = ["newest", "helpful", "rating_desc", "rating_asc"] as const;
export type ReviewSort = (typeof REVIEW_SORTS)[number];

export const RATINGS = [1, 2, 3, 4, 5] as const;
export type Rating = (typeof RATINGS)[number];

/** The shop's public answer under a review. */
export interface StaffReply {
  body: string;
  /** The staff member's user id (shown to staff only). */
  by: string;
  at: string;
}

export type ModerationAction = "submitted" | "edited" | "approved" | "rejected" | "replied";

/** One step in a review's life, kept on the review (the newest HISTORY_LIMIT of them). */
export interface ModerationEntry {
  action: ModerationAction;
  /** The user id of whoever acted: the author, or a staff member. */
  by: string;
  at: string;
  /** Why it was rejected. */
  reason?: string;
}

/** A photo on a review: its stored forms' key (the largest; see domain/photos.ts) and what it shows. */
export interface ReviewPhoto {
  key: string;
  /** What the photo shows, in the author's words (its alt text); "" when they gave none. */
  alt: string;
  width: number;
  height: number;
}

export interface Review {
  id: string;
  productId: string;
  /** The author's user id, from their verified token. */
  customerId: string;
  /** The name shown with the review ("Anna K."), as the author chose it. */
  authorName: string;
  rating: Rating;
  /** Stored exactly as written (markup included): escaping is the renderer's job. */
  title: string;
  body: string;
  /** The review's photos, checked and stored (at most MAX_PHOTOS). */
  photos: ReviewPhoto[];
  status: ReviewStatus;
  /** Why staff rejected it, shown to its author; null otherwise. */
  rejectionReason: string | null;
  helpfulCount: number;
  reply: StaffReply | null;
  history: ModerationEntry[];
  createdAt: string;
  updatedAt: string;
  /** Counts the changes to the review, so two moderators cannot overwrite each other unseen. */
  version: number;
}

/** What the shop shows of an approved review: nothing that identifies the author's account. */
export interface PublicReview {
  id: string;
  productId: string;
  authorName: string;
  rating: Rating;
  title: string;
  body: string;
  photos: ReviewPhoto[];
  helpfulCount: number;
  /** Only buyers who received the product can review it. */
  verifiedPurchase: true;
  reply: { body: string; at: string } | null;
  createdAt: string;
  /** Set when the author edited it after writing it. */
  editedAt: string | null;
}

/** A shopper's own review, with its moderation state. */
export interface MyReview extends Omit<PublicReview, "verifiedPurchase"> {
  status: ReviewStatus;
  rejectionReason: string | null;
}

/** A review as staff moderate it: everything, history included. */
export type ModerationItem = Review;

/** How many approved reviews give each rating. */
export type RatingCounts = Record<Rating, number>;

export interface RatingSummary {
  productId: string;
  /** Rounded to two decimals; null while there is no approved review. */
  average: number | null;
  count: number;
  distribution: RatingCounts;
}

export interface ReviewPage {
  items: PublicReview[];
  /** Pass back as `cursor` for the next page; null on the last one. */
  nextCursor: string | null;
  summary: RatingSummary;
}

export interface NumberedPage<T> {
  items: T[];
  page: number;
  pageCount: number;
  total: number;
}
