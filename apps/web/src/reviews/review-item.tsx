// One approved review as the shop shows it: stars, title, the shown name, date, "Verified purchase",
// the text and the shop's reply. Every text is rendered by React as text, so markup a shopper typed
// ("<script>…") shows as the characters they typed and never runs.
import type { PublicReview } from "@emporium/reviews/client";
import { Badge } from "@emporium/ui/badge";
import { formatReviewDate, starsLabel } from "./format";
import { HelpfulButton } from "./helpful-button";
import { ReviewPhotoList } from "./review-photos";
import { Stars } from "./stars";

export interface ReviewItemProps {
  review: PublicReview;
  /** Signed-in shoppers get the Helpful button; others see the count. */
  canVote: boolean;
}

export function ReviewItem({ review, canVote }: ReviewItemProps) {
  const titleId = `review-${review.id}-title`;
  return (
    <article aria-labelledby={titleId} className="flex flex-col gap-2 py-6" data-testid="review">
      <Stars rating={review.rating} label={`${starsLabel(review.rating)} out of 5`} />
      <h3 id={titleId} className="text-base font-semibold text-ink">
        {review.title}
      </h3>
      <p className="flex flex-wrap items-center gap-x-2 gap-y-1 text-sm text-ink-muted">
        <span className="font-medium text-ink">{review.authorName}</span>
        <span aria-hidden="true">·</span>
        <time dateTime={review.createdAt}>{formatReviewDate(review.createdAt)}</time>
        {review.editedAt && <span>(edited)</span>}
        {review.verifiedPurchase && <Badge tone="success">Verified purchase</Badge>}
      </p>
      <p className="leading-relaxed whitespace-pre-line text-ink" data-testid="review-body">
        {review.body}
      </p>
      <ReviewPhotoList photos={review.photos} author={review.authorName} />
      {review.reply && (
        <div className="mt-2 rounded-xl border-l-4 border-brand-300 bg-canvas-muted px-4 py-3 text-sm">
          <p className="font-semibold text-ink">
            Reply from Emporium{" "}
            <span className="font-normal text-ink-muted">
              · <time dateTime={review.reply.at}>{formatReviewDate(review.reply.at)}</time>
            </span>
          </p>
          <p className="mt-1 whitespace-pre-line text-ink">{review.reply.body}</p>
        </div>
      )}
      <div className="mt-1">
        {canVote ? (
          <HelpfulButton reviewId={review.id} count={review.helpfulCount} />
        ) : (
          review.helpfulCount > 0 && (
            <p className="text-sm text-ink-muted">
              {review.helpfulCount === 1
                ? "1 person found this helpful"
                : `${review.helpfulCount.toLocaleString("en-US")} people found this helpful`}
            </p>
          )
        )}
      </div>
    </article>
  );
}
