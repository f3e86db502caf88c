// What shoppers do with reviews: read a product's approved reviews and rating summary; write one review
// per product they have received, edit it (back into moderation), mark others' reviews helpful once,
// and see their own with its moderation state. Every refusal names the problem, and stores nothing.
import { randomUUID } from "node:crypto";
import type { ImageType } from "@emporium/storage/images";
import {
  ConflictError,
  NotFoundError,
  PreconditionError,
  UnavailableError,
} from "@emporium/service-kit/errors";
import { spendAttempt } from "@emporium/service-kit/limits";
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
import type {
  MyReview,
  NumberedPage,
  Rating,
  RatingSummary,
  Review,
  ReviewPage,
  ReviewSort,
} from "../domain/types";
import type { ReviewsDeps } from "./deps";
import type { AttachedPhotos, PhotoChoice, PhotoUploadForm, ReviewPhotos } from "./photos";
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
  photos?: readonly PhotoChoice[] | undefined;
  authorName?: string | undefined;
}

const PHOTOS_UNAVAILABLE = "Review photos are unavailable right now: this service has no photo storage";

function photosOf(d: Pick<ReviewsDeps, "photos">): ReviewPhotos {
  if (!d.photos) throw new UnavailableError(PHOTOS_UNAVAILABLE);
  return d.photos;
}

/** A signed form for one photo of the caller's review (counted against her photo uploads). */
export async function createPhotoUpload(
  d: Pick<ReviewsDeps, "photos" | "photoUploads">,
  customerId: string,
  input: { contentType: ImageType; size: number },
): Promise<PhotoUploadForm> {
  const photos = photosOf(d);
  await spendAttempt(d.photoUploads, customerId, "Too many photo uploads from your account");
  return photos.createUpload(customerId, input);
}

/**
 * Runs `save` with the chosen photos attached to review `review` (as it was; none for a new one);
 * whatever the attempt stored is deleted again when it is refused, and what the review no longer uses
 * (the staged uploads taken, photos removed) once it is saved.
 */
async function withPhotos<T>(
  d: Pick<ReviewsDeps, "photos">,
  customerId: string,
  review: Pick<Review, "id" | "photos">,
  chosen: readonly PhotoChoice[] | undefined,
  save: (attached: AttachedPhotos | null) => Promise<T>,
): Promise<T> {
  if (!chosen) return save(null);
  const photos = photosOf(d);
  const attached = await photos.attach(customerId, review.id, review.photos, chosen);
  let saved: T;
  try {
    saved = await save(attached);
  } catch (err) {
    await photos.discard([...attached.written, ...attached.staged]);
    throw err;
  }
  await photos.discard(attached.staged);
  await photos.discardPhotos(attached.removed);
  return saved;
}

export async function writeReview(d: ReviewsDeps, customerId: string, input: WriteInput): Promise<MyReview> {
  if (!(await d.purchases.hasReceived(customerId, input.productId)))
    throw new PreconditionError(
      "You can review a product once it has been delivered to you, and this one has not been",
    );
  const { photos: chosen, ...fields } = input;
  const id = randomUUID();
  return withPhotos(d, customerId, { id, photos: [] }, chosen, async (attached) => {
    const review = newReview({ id, customerId, ...fields, photos: attached?.photos }, d.now());
    if ((await d.reviews.insert(review)) === "duplicate")
      throw new ConflictError("You have already reviewed this product; edit your review instead");
    return authorView(review);
  });
}

export interface EditInput extends Omit<ReviewChanges, "photos"> {
  photos?: readonly PhotoChoice[] | undefined;
}

export async function editReview(
  d: ReviewsDeps,
  customerId: string,
  reviewId: string,
  changes: EditInput,
): Promise<MyReview> {
  const review = await d.reviews.get(reviewId);
  // Another shopper's review answers exactly like one that does not exist.
  if (!review || review.customerId !== customerId)
    throw new NotFoundError("You have no review with this id", "reviewId");
  const { photos: chosen, ...fields } = changes;
  return withPhotos(d, customerId, review, chosen, async (attached) => {
    const next = edited(review, { ...fields, photos: attached?.photos }, d.now());
    return authorView(await saveReview(d, review, next));
  });
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
