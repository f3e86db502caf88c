// What staff do with reviews: work through the queue of reviews waiting for moderation (oldest first),
// approve one (it appears in the shop), reject one with a reason its author sees (also taking down an
// approved one), and reply publicly in the shop's name. Each change is stored with its audit event (who,
// in which request, what changed) in the same single-document write.
import { staffActionEnvelope, type AuditScope } from "@emporium/contracts";
import { NotFoundError } from "@emporium/service-kit/errors";
import { moderationRecord, type ReviewAuditAction } from "../domain/moderation-audit";
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

/** Stores a moderator's change to `review` together with its audit event. */
async function moderate(
  d: ReviewsDeps,
  scope: AuditScope,
  action: ReviewAuditAction,
  review: Review,
  next: Review,
): Promise<ModerationItem> {
  const audit = staffActionEnvelope(scope, moderationRecord(action, review, next), new Date(next.updatedAt));
  return saveReview(d, review, next, audit);
}

export async function approve(d: ReviewsDeps, scope: AuditScope, reviewId: string): Promise<ModerationItem> {
  const review = await load(d, reviewId);
  return moderate(d, scope, "approved", review, approveReview(review, scope.actor.userId, d.now()));
}

export async function reject(
  d: ReviewsDeps,
  scope: AuditScope,
  reviewId: string,
  reason: string,
): Promise<ModerationItem> {
  const review = await load(d, reviewId);
  const next = rejectReview(review, reason, scope.actor.userId, d.now());
  return moderate(d, scope, "rejected", review, next);
}

export async function reply(
  d: ReviewsDeps,
  scope: AuditScope,
  reviewId: string,
  body: string,
): Promise<ModerationItem> {
  const review = await load(d, reviewId);
  return moderate(d, scope, "replied", review, replyToReview(review, body, scope.actor.userId, d.now()));
}
