// The product page's reviews: the average (stars and number), the count, the 1–5 breakdown as bars, the
// order select and the approved reviews a page at a time — or "No reviews yet" with who can write one,
// or, when the reviews service cannot answer, a note that reviews are unavailable (the rest of the page
// renders as usual). A shopper who reviewed the product sees their review's state and "Edit your
// review" where the others see "Write a review" (./viewer.tsx). Rendered on the server from one
// review.list answer.
import type { ReviewSort } from "@emporium/reviews/client";
import { Alert } from "@emporium/ui/alert";
import { NextLink } from "@/next-link";
import { distributionRows, formatAverage, reviewCountLabel, starsLabel } from "./format";
import type { ReviewsResult } from "./load";
import { ReviewList } from "./review-list";
import { ReviewSortForm } from "./review-sort";
import { Stars } from "./stars";
import { ReviewViewerProvider, WhoMayReview, WriteReviewLink, type ReviewViewer } from "./viewer";

export interface ReviewsSectionProps {
  productId: string;
  /** The product page's path (/p/<slug>). */
  productPath: string;
  result: ReviewsResult;
  sort: ReviewSort;
  /** The page position this view started at (?review_after=), or null for the first page. */
  cursor: string | null;
  variantId: string | null;
  /** Who is looking (signed in, her own review), or null when the browser is to ask (a shared page). */
  viewer: ReviewViewer | null;
}

export function ReviewsSection(props: ReviewsSectionProps) {
  const { result, productPath } = props;
  return (
    <ReviewViewerProvider productId={props.productId} viewer={props.viewer}>
      <section
        id="reviews"
        aria-labelledby="reviews-heading"
        className="mt-16 scroll-mt-6 border-t border-line pt-10"
      >
        <h2 id="reviews-heading" className="text-2xl font-semibold tracking-tight">
          Customer reviews
        </h2>
        {!result.ok ? (
          <Alert tone="warning" className="mt-6" title="Reviews are unavailable right now">
            Please try again in a few minutes. Everything else on this page is up to date.
          </Alert>
        ) : result.page.summary.count === 0 ? (
          <div className="mt-6 flex flex-col items-start gap-3 rounded-2xl border border-dashed border-line-strong p-6">
            <p className="text-lg font-semibold text-ink">No reviews yet</p>
            <WhoMayReview
              className="text-sm text-ink-muted"
              extra="Bought it? Tell other shoppers what you think."
            />
            <WriteReviewLink productPath={productPath} />
          </div>
        ) : (
          <ReviewsBody {...props} page={result.page} />
        )}
      </section>
    </ReviewViewerProvider>
  );
}

type ReviewPage = Extract<ReviewsResult, { ok: true }>["page"];

function ReviewsBody({
  productId,
  productPath,
  page,
  sort,
  cursor,
  variantId,
}: ReviewsSectionProps & { page: ReviewPage }) {
  const { summary } = page;
  const average = summary.average ?? 0;
  const query = new URLSearchParams();
  if (variantId) query.set("variant", variantId);
  if (sort !== "newest") query.set("review_sort", sort);
  const pageHref = query.size > 0 ? `${productPath}?${query.toString()}` : productPath;
  return (
    <div className="mt-6 grid gap-10 lg:grid-cols-[18rem_minmax(0,1fr)]">
      <div className="flex flex-col gap-5">
        <div data-testid="rating-summary">
          <p className="flex items-baseline gap-2">
            <span className="text-4xl font-semibold text-ink">{formatAverage(average)}</span>
            <span className="text-ink-muted">out of 5</span>
          </p>
          <Stars rating={average} size="md" className="mt-1" />
          <p className="mt-1 text-sm text-ink-muted">Based on {reviewCountLabel(summary.count)}</p>
        </div>
        <div>
          <h3 className="sr-only">Ratings by number of stars</h3>
          <ul className="flex flex-col gap-1.5" data-testid="rating-distribution">
            {distributionRows(summary).map((row) => (
              <li key={row.stars} className="grid grid-cols-[3.5rem_1fr_2.5rem] items-center gap-2 text-sm">
                <span className="text-ink">{starsLabel(row.stars)}</span>
                <span aria-hidden="true" className="h-2 overflow-hidden rounded-full bg-canvas-muted">
                  <span
                    className="block h-full rounded-full bg-amber-600"
                    style={{ width: `${row.percent}%` }}
                  />
                </span>
                <span className="text-right text-ink-muted tabular-nums">
                  {row.count.toLocaleString("en-US")}
                  <span className="sr-only">
                    {" "}
                    {row.count === 1 ? "review" : "reviews"} ({row.percent}%)
                  </span>
                </span>
              </li>
            ))}
          </ul>
        </div>
        <div className="flex flex-col gap-2">
          <WriteReviewLink productPath={productPath} />
          <WhoMayReview className="text-xs text-ink-muted" />
        </div>
      </div>
      <div className="min-w-0">
        <div className="flex flex-wrap items-center justify-between gap-3 border-b border-line pb-4">
          <p className="text-sm font-medium text-ink">{reviewCountLabel(summary.count)}</p>
          <ReviewSortForm key={sort} action={productPath} value={sort} variantId={variantId} />
        </div>
        {cursor && (
          <p className="mt-4 text-sm">
            <NextLink href={`${pageHref}#reviews`} className="font-medium text-brand-700 underline">
              Back to the first reviews
            </NextLink>
          </p>
        )}
        <ReviewList
          key={`${sort}:${cursor ?? ""}`}
          productId={productId}
          sort={sort}
          items={page.items}
          nextCursor={page.nextCursor}
          total={summary.count}
          fromStart={cursor === null}
          pageHref={pageHref}
        />
      </div>
    </div>
  );
}
