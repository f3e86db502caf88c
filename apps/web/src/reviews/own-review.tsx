// A shopper's own review of a product as they see it, with its moderation state: in full on the product's
// review page (above the form that edits it), and as a short note in the product page's reviews block,
// where it takes the place of "Write a review". Text is rendered by React as text, markup included.
import type { MyReview, ReviewStatus } from "@emporium/reviews/client";
import { Alert } from "@emporium/ui/alert";
import { Badge, type BadgeTone } from "@emporium/ui/badge";
import { buttonStyles } from "@emporium/ui/button";
import { NextLink } from "@/next-link";
import { formatReviewDate, REVIEW_STATUS_LABELS, REVIEW_STATUS_TEXT, starsLabel } from "./format";
import { ReviewPhotoList } from "./review-photos";
import { Stars } from "./stars";

export const STATUS_TONES: Record<ReviewStatus, BadgeTone> = {
  pending: "warning",
  approved: "success",
  rejected: "sale",
};

/** What saving an edit does, said by the Save button: edits go back to moderation. */
export const EDIT_NOTES: Record<ReviewStatus, string> = {
  pending:
    "Your review is still waiting for our team; saving your changes keeps it waiting until they have checked it.",
  approved: "Saving your changes takes your review off the product page until our team has checked it again.",
  rejected: "Saving your changes sends your review to our team again.",
};

/** Why staff did not publish it, when they said. */
function RejectionReason({ review }: { review: MyReview }) {
  if (review.status !== "rejected" || !review.rejectionReason) return null;
  return <span className="mt-1 block">Reason: {review.rejectionReason}</span>;
}

/** The review page's account of the shopper's review: its state, then the review as they wrote it. */
export function OwnReview({ review }: { review: MyReview }) {
  return (
    <section aria-labelledby="own-review-heading" className="flex flex-col gap-4">
      <h2 id="own-review-heading" className="text-xl font-semibold">
        Your review
      </h2>
      <Alert tone={review.status === "rejected" ? "warning" : "info"} title="You have reviewed this product">
        {REVIEW_STATUS_TEXT[review.status]}
        <RejectionReason review={review} />
      </Alert>
      <article
        aria-labelledby="own-review-title"
        className="rounded-2xl border border-line p-5"
        data-testid="own-review"
      >
        <div className="flex flex-wrap items-center gap-3">
          <Stars rating={review.rating} label={`${starsLabel(review.rating)} out of 5`} />
          <Badge tone={STATUS_TONES[review.status]}>{REVIEW_STATUS_LABELS[review.status]}</Badge>
        </div>
        <h3 id="own-review-title" className="mt-2 font-semibold text-ink">
          {review.title}
        </h3>
        <p className="mt-1 text-sm text-ink-muted">
          {review.authorName} · <time dateTime={review.createdAt}>{formatReviewDate(review.createdAt)}</time>
          {review.editedAt && " (edited)"}
        </p>
        <p className="mt-2 whitespace-pre-line text-ink" data-testid="own-review-body">
          {review.body}
        </p>
        <div className="mt-3">
          <ReviewPhotoList photos={review.photos} author={review.authorName} />
        </div>
      </article>
    </section>
  );
}

/** The product page's note of the shopper's review, with the way to edit it. */
export function OwnReviewNote({ review, productPath }: { review: MyReview; productPath: string }) {
  return (
    <div
      className="flex flex-col items-start gap-2 rounded-2xl border border-line p-4"
      data-testid="own-review-note"
    >
      <h3 className="text-sm font-semibold text-ink">Your review</h3>
      <div className="flex flex-wrap items-center gap-2">
        <Stars rating={review.rating} label={`${starsLabel(review.rating)} out of 5`} />
        <Badge tone={STATUS_TONES[review.status]}>{REVIEW_STATUS_LABELS[review.status]}</Badge>
      </div>
      <p className="text-sm text-ink-muted">
        {REVIEW_STATUS_TEXT[review.status]}
        <RejectionReason review={review} />
      </p>
      <NextLink
        href={`${productPath}/review`}
        className={buttonStyles({ variant: "secondary", className: "w-full sm:w-auto" })}
      >
        Edit your review
      </NextLink>
    </div>
  );
}
