"use client";
// The approved reviews shown so far and "Load more reviews". Without JavaScript, "Load more" is a link to
// the next page (?review_after=<cursor>); with it, the next page is fetched and added below, the count is
// announced, and focus stays on the button.
import { useState, useTransition, type MouseEvent } from "react";
import type { PublicReview, ReviewSort } from "@emporium/reviews/client";
import { buttonStyles } from "@emporium/ui/button";
import { loadMoreReviews } from "./actions";
import { reviewCountLabel } from "./format";
import { ReviewItem } from "./review-item";
import { useReviewViewer } from "./viewer";

export interface ReviewListProps {
  productId: string;
  sort: ReviewSort;
  items: PublicReview[];
  nextCursor: string | null;
  /** All approved reviews of the product. */
  total: number;
  /** Whether `items` is the first page (a link to a later page starts the list there). */
  fromStart: boolean;
  /** The product page with this order, without a page position; "review_after" is added to it. */
  pageHref: string;
}

export function ReviewList({
  productId,
  sort,
  items,
  nextCursor,
  total,
  fromStart,
  pageHref,
}: ReviewListProps) {
  const canVote = useReviewViewer().signedIn;
  const [shown, setShown] = useState(items);
  const [cursor, setCursor] = useState(nextCursor);
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();

  const loadMore = (event: MouseEvent<HTMLAnchorElement>) => {
    if (!cursor) return;
    event.preventDefault();
    if (pending) return;
    startTransition(async () => {
      const answer = await loadMoreReviews(productId, sort, cursor);
      if (!answer.ok) {
        setError(answer.message);
        return;
      }
      setError(null);
      // A review can move between pages while the shopper reads (a new helpful vote): never show it twice.
      setShown((before) => [...before, ...answer.items.filter((r) => !before.some((b) => b.id === r.id))]);
      setCursor(answer.nextCursor);
    });
  };

  const separator = pageHref.includes("?") ? "&" : "?";
  return (
    <div>
      <ol aria-label="Reviews" className="divide-y divide-line">
        {shown.map((review) => (
          <li key={review.id}>
            <ReviewItem review={review} canVote={canVote} />
          </li>
        ))}
      </ol>
      <div className="mt-4 flex flex-wrap items-center gap-4">
        {cursor && (
          <a
            href={`${pageHref}${separator}review_after=${encodeURIComponent(cursor)}#reviews`}
            onClick={loadMore}
            aria-disabled={pending || undefined}
            className={buttonStyles({ variant: "secondary" })}
          >
            {pending ? "Loading…" : "Load more reviews"}
          </a>
        )}
        <p role="status" className="text-sm text-ink-muted">
          {error ??
            (fromStart && shown.length < total
              ? `Showing ${shown.length} of ${reviewCountLabel(total)}`
              : "")}
        </p>
      </div>
    </div>
  );
}
