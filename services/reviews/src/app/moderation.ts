// What staff do with reviews: work through the queue of reviews waiting for moderation (oldest first),
// approve one (it appears in the shop), reject one with a reason its author sees (also taking down an
// approved one), and reply publicly in the shop's name.
import { NotFoundError } from "@emporium/service-kit/errors";
import { approveReview, pageCountOf, rejectReview, replyToReview } from "../domain/review";
import type { ModerationItem, NumberedPage, Review } from "../domain/types";
import type { ReviewsDeps } from "./deps";
import { saveReview } from "./save-review";

export async function moderationQueue(
  d: Pick<ReviewsDeps, "reviews">,
  page: number,
  pageSize: number,
): Promise<NumberedPage<ModerationItem>> {
  const { items, total } = await d.reviews.pending((page - 1) * pageSize, pageSize);
  return { items, page, pageCount: pageCountOf(total, pageSize), total };
}

async function load(d: Pick<ReviewsDeps, "reviews">, reviewId: string): Promise<Review> {
  const review = await d.reviews.get(reviewId);
  if (!review) throw new NotFoundError("No review with this id", "reviewId");
  return review;
}

export async function approve(d: ReviewsDeps, staffId: string, reviewId: string): Promise<ModerationItem> {
  const review = await load(d, reviewId);
  return saveReview(d, review, approveReview(review, staffId, d.now()));
}

export async function reject(
  d: ReviewsDeps,
  staffId: string,
  reviewId: string,
  reason: string,
): Promise<ModerationItem> {
  const review = await load(d, reviewId);
  return saveReview(d, review, rejectReview(review, reason, staffId, d.now()));
}

export async function reply(
  d: ReviewsDeps,
  staffId: string,
  reviewId: string,
  body: string,
): Promise<ModerationItem> {
  const review = await load(d, reviewId);
  return saveReview(d, review, replyToReview(review, body, staffId, d.now()));
}
