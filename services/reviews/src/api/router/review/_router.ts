// review.*: what the shop shows of a product's reviews (public), and what a signed-in shopper does with
// their own — the shopper is always the caller named by the verified token, never an id from the input.
import { z } from "zod";
import {
  createPhotoUpload,
  editReview,
  listReviews,
  markHelpful,
  myReviews,
  ratingSummary,
  writeReview,
} from "../../../app/reviews";
import { shopperOf } from "../../../app/shopper";
import { publicProcedure, router } from "../../trpc";
import {
  authorName,
  body,
  cursor,
  limit,
  page,
  photos,
  photoUpload,
  productId,
  rating,
  reviewId,
  sort,
  title,
} from "../schemas";

export const MY_REVIEWS_PAGE_SIZE = 20;

export const reviewRouter = router({
  /** A product's approved reviews, a page at a time, with its rating summary. */
  list: publicProcedure
    .input(z.strictObject({ productId, sort, limit, cursor: cursor.optional() }))
    .query(({ ctx, input }) => listReviews(ctx, input)),
  /** Average, count and distribution of a product's approved ratings. */
  summary: publicProcedure
    .input(z.strictObject({ productId }))
    .query(({ ctx, input }) => ratingSummary(ctx, input.productId)),
  /** A review of a product the caller has received; it waits for moderation before it is shown. */
  write: publicProcedure
    .input(
      z.strictObject({
        productId,
        rating,
        title,
        body,
        photos: photos.optional(),
        authorName: authorName.optional(),
      }),
    )
    .mutation(async ({ ctx, input }) => writeReview(ctx, shopperOf(await ctx.principal()), input)),
  /** The caller's own review, changed; it goes back to moderation. */
  edit: publicProcedure
    .input(
      z
        .strictObject({
          reviewId,
          rating: rating.optional(),
          title: title.optional(),
          body: body.optional(),
          photos: photos.optional(),
          authorName: authorName.optional(),
        })
        .refine(
          (i) => Object.keys(i).some((k) => k !== "reviewId"),
          "change at least one of rating, title, body, photos or authorName",
        ),
    )
    .mutation(async ({ ctx, input }) => {
      const { reviewId: id, ...changes } = input;
      return editReview(ctx, shopperOf(await ctx.principal()), id, changes);
    }),
  /**
   * A signed form to upload one photo for the caller's review (S3 presigned POST, or this service's
   * /uploads); the key it gives goes in `photos` of review.write or review.edit, which check the bytes.
   */
  createPhotoUpload: publicProcedure
    .input(photoUpload)
    .mutation(async ({ ctx, input }) =>
      createPhotoUpload(ctx, shopperOf(await ctx.principal(), "add photos to a review"), input),
    ),
  /** Once per shopper and review, never for one's own. */
  markHelpful: publicProcedure
    .input(z.strictObject({ reviewId }))
    .mutation(async ({ ctx, input }) => markHelpful(ctx, shopperOf(await ctx.principal()), input.reviewId)),
  /** The caller's reviews, newest first, with their moderation state. */
  mine: publicProcedure
    .input(z.strictObject({ page }))
    .query(async ({ ctx, input }) =>
      myReviews(ctx, shopperOf(await ctx.principal(), "see your reviews"), input.page, MY_REVIEWS_PAGE_SIZE),
    ),
});
