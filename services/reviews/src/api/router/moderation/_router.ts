// moderation.*: staff work through reviews waiting for moderation. Each procedure names the permission
// its caller must hold (the matrix lives in @emporium/auth); staffProcedure checks it before the input
// is read, and the staff member who acted is recorded in the review's history and, with the request,
// in the audit event each change stores (ctx.audit).
import { z } from "zod";
import { approve, moderationQueue, reject, reply } from "../../../app/moderation";
import { router, staffProcedure } from "../../trpc";
import { page, reason, replyBody, reviewId } from "../schemas";

export const QUEUE_PAGE_SIZE = 20;

export const moderationRouter = router({
  /** Reviews waiting for moderation, oldest first. */
  queue: staffProcedure("reviews.read")
    .input(z.strictObject({ page }))
    .query(({ ctx, input }) => moderationQueue(ctx, input.page, QUEUE_PAGE_SIZE)),
  approve: staffProcedure("reviews.moderate")
    .input(z.strictObject({ reviewId }))
    .mutation(async ({ ctx, input }) => {
      const review = await approve(ctx, ctx.audit, input.reviewId);
      ctx.log.info(
        { reviewId: review.id, productId: review.productId, by: ctx.staff.userId },
        "review approved",
      );
      return review;
    }),
  /** Not shown (or taken down); the author sees the reason. */
  reject: staffProcedure("reviews.moderate")
    .input(z.strictObject({ reviewId, reason }))
    .mutation(async ({ ctx, input }) => {
      const review = await reject(ctx, ctx.audit, input.reviewId, input.reason);
      ctx.log.info(
        { reviewId: review.id, productId: review.productId, by: ctx.staff.userId },
        "review rejected",
      );
      return review;
    }),
  /** The shop's public answer under the review; a second reply replaces the first. */
  reply: staffProcedure("reviews.moderate")
    .input(z.strictObject({ reviewId, body: replyBody }))
    .mutation(async ({ ctx, input }) => {
      const review = await reply(ctx, ctx.audit, input.reviewId, input.body);
      ctx.log.info({ reviewId: review.id, by: ctx.staff.userId }, "review answered");
      return review;
    }),
});
