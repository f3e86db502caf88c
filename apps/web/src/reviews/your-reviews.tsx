// The account page's "Your reviews": the shopper's reviews a page at a time, newest first, each with its
// product (linked), stars, title, moderation state (and the moderator's reason for a rejected one) and an
// Edit link to the product's review page; page links below; a word of what to do when there are none yet;
// and a note, not a broken page, when the reviews service cannot answer. A product the shop cannot name
// just now is shown without its links.
import type { MyReview, NumberedPage } from "@emporium/reviews/client";
import { Alert } from "@emporium/ui/alert";
import { Badge } from "@emporium/ui/badge";
import { EmptyState } from "@emporium/ui/empty-state";
import { Pagination } from "@emporium/ui/pagination";
import { productHref } from "@/links";
import { NextLink } from "@/next-link";
import { formatReviewDate, REVIEW_STATUS_LABELS, starsLabel } from "./format";
import { STATUS_TONES } from "./own-review";
import type { ReviewedProduct } from "./reviewed-products";
import { Stars } from "./stars";

export type YourReviewsResult =
  { ok: true; page: NumberedPage<MyReview>; products: ReadonlyMap<string, ReviewedProduct> } | { ok: false };

export interface YourReviewsProps {
  result: YourReviewsResult;
  /** The account page at another page of reviews. */
  pageHref: (page: number) => string;
}

function YourReview({ review, product }: { review: MyReview; product: ReviewedProduct | undefined }) {
  return (
    <li className="flex flex-wrap items-start justify-between gap-4 px-5 py-4" data-testid="your-review">
      <div className="flex min-w-0 flex-col gap-1">
        <h3 className="font-medium">
          {product ? (
            <NextLink href={productHref(product.slug)} className="underline-offset-2 hover:underline">
              {product.title}
            </NextLink>
          ) : (
            <span className="text-ink-muted">A product we cannot show just now</span>
          )}
        </h3>
        <div className="flex flex-wrap items-center gap-2">
          <Stars rating={review.rating} label={`${starsLabel(review.rating)} out of 5`} />
          <Badge tone={STATUS_TONES[review.status]}>{REVIEW_STATUS_LABELS[review.status]}</Badge>
        </div>
        <p className="text-sm text-ink">“{review.title}”</p>
        <p className="text-sm text-ink-muted">
          Written <time dateTime={review.createdAt}>{formatReviewDate(review.createdAt)}</time>
          {review.editedAt && (
            <>
              , edited <time dateTime={review.editedAt}>{formatReviewDate(review.editedAt)}</time>
            </>
          )}
        </p>
        {review.status === "rejected" && review.rejectionReason && (
          <p className="text-sm text-ink-muted">Reason: {review.rejectionReason}</p>
        )}
      </div>
      {product && (
        <NextLink
          href={`${productHref(product.slug)}/review`}
          className="text-sm font-medium text-brand-700 underline"
          aria-label={`Edit your review of ${product.title}`}
        >
          Edit
        </NextLink>
      )}
    </li>
  );
}

export function YourReviews({ result, pageHref }: YourReviewsProps) {
  return (
    <section aria-labelledby="your-reviews-heading" id="your-reviews" className="mt-12 scroll-mt-6">
      <h2 id="your-reviews-heading" className="text-xl font-semibold">
        Your reviews
      </h2>
      {!result.ok ? (
        <Alert tone="warning" className="mt-4" title="Your reviews are unavailable right now">
          Please try again in a few minutes. Your reviews are safe.
        </Alert>
      ) : result.page.total === 0 ? (
        <EmptyState
          title="You have not reviewed anything yet"
          headingLevel="h3"
          className="mt-4"
          action={
            <NextLink href="/" className="underline">
              Browse the shop
            </NextLink>
          }
        >
          Once an order has been delivered to you, open the product and choose “Write a review” — it helps
          other shoppers choose. Your reviews and their state appear here.
        </EmptyState>
      ) : result.page.items.length === 0 ? (
        <p className="mt-4 text-ink-muted">
          There are no reviews on this page.{" "}
          <NextLink href={pageHref(1)} className="font-medium text-brand-700 underline">
            Go to your latest reviews
          </NextLink>
        </p>
      ) : (
        <>
          <ul className="mt-4 divide-y divide-line rounded-2xl border border-line">
            {result.page.items.map((review) => (
              <YourReview key={review.id} review={review} product={result.products.get(review.productId)} />
            ))}
          </ul>
          {result.page.pageCount > 1 && (
            <Pagination
              className="mt-4"
              label="Review pages"
              status={`Page ${result.page.page} of ${result.page.pageCount}`}
              prevHref={result.page.page > 1 ? pageHref(result.page.page - 1) : null}
              nextHref={result.page.page < result.page.pageCount ? pageHref(result.page.page + 1) : null}
              LinkComponent={NextLink}
            />
          )}
        </>
      )}
    </section>
  );
}
