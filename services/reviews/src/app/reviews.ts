// What shoppers do with reviews: read a product's approved reviews and rating summary; write one review
// per product they have received, edit it (back into moderation), mark others' reviews helpful once,
// and see their own with its moderation state. Every refusal names the problem, and stores nothing.
import { randomUUID } from "node:crypto";
import { ConflictError, NotFoundError, PreconditionError } from "@emporium/service-kit/errors";
import { cursorAfter, decodeCursor, encodeCursor } from "../domain/cursor";
import {
  authorView,
  checkHelpfulVote,
  editReview as edited,
  newReview,
  pageCountOf,
  publicView,
  summarize,
  type ReviewChanges,
} from "../domain/review";
import type { MyReview, NumberedPage, Rating, RatingSummary, ReviewPage, ReviewSort } from "../domain/types";
import type { ReviewsDeps } from "./deps";
import { saveReview } from "./save-review";

export async function ratingSummary(
  d: Pick<ReviewsDeps, "reviews">,
  productId: string,
): Promise<RatingSummary> {
  return summarize(productId, await d.reviews.ratingCounts(productId));
}

export interface ListInput {
  productId: string;
  sort: ReviewSort;
  limit: number;
  cursor?: string | undefined;
}

/** One page of a product's approved reviews in the chosen order, with the product's rating summary. */
export async function listReviews(d: Pick<ReviewsDeps, "reviews">, input: ListInput): Promise<ReviewPage> {
  const after = input.cursor ? decodeCursor(input.cursor, input.sort) : null;
  const [rows, summary] = await Promise.all([
    // One more than asked says whether a next page exists.
    d.reviews.approvedPage({ productId: input.productId, sort: input.sort, limit: input.limit + 1, after }),
    ratingSummary(d, input.productId),
  ]);
  const items = rows.slice(0, input.limit);
  const last = items.at(-1);
  return {
    items: items.map(publicView),
    nextCursor: rows.length > input.limit && last ? encodeCursor(cursorAfter(last, input.sort)) : null,
    summary,
  };
}

export interface WriteInput {
  productId: string;
  rating: Rating;
  title: string;
  body: string;
  photos?: readonly string[] | undefined;
  authorName?: string | undefined;
}

export async function writeReview(d: ReviewsDeps, customerId: string, input: WriteInput): Promise<MyReview> {
  if (!(await d.purchases.hasReceived(customerId, input.productId)))
    throw new PreconditionError(
      "You can review a product once it has been delivered to you, and this one has not been",
    );
  const review = newReview({ id: randomUUID(), customerId, ...input }, d.now());
  if ((await d.reviews.insert(review)) === "duplicate")
    throw new ConflictError("You have already reviewed this product; edit your review instead");
  return authorView(review);
}

export async function editReview(
  d: ReviewsDeps,
  customerId: string,
  reviewId: string,
  changes: ReviewChanges,
): Promise<MyReview> {
  const review = await d.reviews.get(reviewId);
  // Another shopper's review answers exactly like one that does not exist.
  if (!review || review.customerId !== customerId)
    throw new NotFoundError("You have no review with this id", "reviewId");
  return authorView(await saveReview(d, review, edited(review, changes, d.now())));
}

export async function markHelpful(
  d: ReviewsDeps,
  customerId: string,
  reviewId: string,
): Promise<{ reviewId: string; helpfulCount: number }> {
  const review = await d.reviews.get(reviewId);
  if (!review || review.status !== "approved")
    throw new NotFoundError("No review with this id is shown in the shop", "reviewId");
  checkHelpfulVote(review, customerId);
  if ((await d.reviews.addVote(reviewId, customerId, d.now())) === "duplicate")
    throw new ConflictError("You have already marked this review as helpful");
  return { reviewId, helpfulCount: await d.reviews.recountVotes(reviewId) };
}

export async function myReviews(
  d: Pick<ReviewsDeps, "reviews">,
  customerId: string,
  page: number,
  pageSize: number,
): Promise<NumberedPage<MyReview>> {
  const { items, total } = await d.reviews.byCustomer(customerId, (page - 1) * pageSize, pageSize);
  return { items: items.map(authorView), page, pageCount: pageCountOf(total, pageSize), total };
}
