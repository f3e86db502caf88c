// The moderation queue: reviews waiting before they are shown in the shop, oldest first, a page at a
// time. Roles with reviews.moderate approve, reject with a reason or reply publicly; others read it.
// Review text is rendered as text (React escapes it): markup a shopper typed shows as typed.
import type { Metadata } from "next";
import Link from "next/link";
import { photoAt, THUMBNAIL_WIDTH, type ModerationItem, type NumberedPage } from "@emporium/reviews/client";
import { Alert } from "@emporium/ui/alert";
import { buttonStyles } from "@emporium/ui/button";
import { EmptyState } from "@emporium/ui/empty-state";
import { requireStaff, type Staff } from "@/auth/session";
import { isReviewsUnavailable } from "@/reviews/moderation-refusal";
import { queuePageOf, ratingLabel, reviewsHref } from "@/reviews/queue-view";
import { getModerationQueue } from "@/trpc/reviews";
import { getProduct } from "@/trpc/server";
import { PagedNav } from "../../page-numbers";
import { ModerationOutcomes } from "./moderation-outcomes";
import { ReviewActions } from "./review-actions";

export const metadata: Metadata = { title: "Reviews" };

const ROLE_LABEL = { owner: "Owner", manager: "Manager", support: "Support" } as const;

const dateTime = new Intl.DateTimeFormat("en-GB", {
  dateStyle: "medium",
  timeStyle: "short",
  timeZone: "UTC",
});

interface ReviewsPageProps {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

/**
 * Each product's title, for the reviews on this page. The queue names products by id; a product the
 * catalog cannot name just now (down, or deleted since) is shown by its id, still linked.
 */
async function productTitles(staff: Staff, reviews: readonly ModerationItem[]): Promise<Map<string, string>> {
  const ids = [...new Set(reviews.map((r) => r.productId))];
  const answers = await Promise.allSettled(ids.map((id) => getProduct(staff, id)));
  const titles = new Map<string, string>();
  answers.forEach((answer, i) => {
    const id = ids[i];
    if (id && answer.status === "fulfilled") titles.set(id, answer.value.title);
  });
  return titles;
}

function ReviewsUnavailable() {
  return (
    <section className="mt-6 rounded-2xl border border-line bg-surface p-8 text-center">
      <h2 className="text-lg font-semibold">Reviews are unavailable right now</h2>
      <p className="mt-2 text-sm text-ink-muted">
        The reviews service is not answering. Nothing is lost: reviews keep waiting for moderation. Reload
        this page in a few minutes.
      </p>
    </section>
  );
}

function QueuedReview({
  review,
  productTitle,
  canModerate,
}: {
  review: ModerationItem;
  productTitle: string | undefined;
  canModerate: boolean;
}) {
  const titleId = `review-${review.id}-title`;
  const rating = ratingLabel(review.rating);
  const edited = review.history.some((h) => h.action === "edited");
  return (
    <article
      aria-labelledby={titleId}
      className="grid gap-6 rounded-2xl border border-line bg-surface p-5 lg:grid-cols-[minmax(0,1fr)_20rem]"
    >
      <div className="min-w-0">
        <p className="text-sm">
          <Link
            href={`/products/${review.productId}`}
            className="font-medium text-brand-700 hover:underline"
            data-testid="review-product"
          >
            {productTitle ?? (
              <>
                Product <span className="font-mono text-xs">{review.productId}</span>
              </>
            )}
          </Link>
        </p>
        <p className="mt-2 text-lg leading-none text-warning" data-testid="review-rating">
          <span aria-hidden="true">{rating.stars}</span>
          <span className="sr-only">{rating.words}</span>
        </p>
        <h2 id={titleId} className="mt-2 text-base font-semibold break-words">
          {review.title}
        </h2>
        <p className="mt-1 text-sm break-words whitespace-pre-line" data-testid="review-body">
          {review.body}
        </p>
        <p className="mt-3 text-xs text-ink-muted">
          By <span data-testid="review-author">{review.authorName}</span> ·{" "}
          <time dateTime={review.createdAt}>{dateTime.format(new Date(review.createdAt))} (UTC)</time>
          {edited && " · edited by its author since it was written"}
          {review.photos.length > 0 &&
            ` · ${review.photos.length} photo${review.photos.length === 1 ? "" : "s"} attached`}
        </p>
        {review.photos.length > 0 && (
          <ul aria-label="Photos" className="mt-3 flex flex-wrap gap-2" data-testid="review-photos">
            {review.photos.map((photo, i) => (
              <li key={photo.key}>
                <a href={`/review-photos/${photo.key}`} target="_blank" rel="noreferrer">
                  <img
                    src={`/review-photos/${photoAt(photo.key, THUMBNAIL_WIDTH)}`}
                    alt={photo.alt || `Photo ${i + 1} of this review (no description given)`}
                    width={96}
                    height={96}
                    className="size-24 rounded-lg border border-line object-cover"
                  />
                </a>
              </li>
            ))}
          </ul>
        )}
        {review.reply && (
          <div className="mt-4 rounded-xl border border-line bg-canvas-muted px-4 py-3 text-sm">
            <p className="font-medium">The shop&apos;s public reply</p>
            <p className="mt-1 break-words whitespace-pre-line">{review.reply.body}</p>
          </div>
        )}
      </div>
      {canModerate && <ReviewActions reviewId={review.id} reply={review.reply?.body ?? null} />}
    </article>
  );
}

export default async function ReviewsPage({ searchParams }: ReviewsPageProps) {
  const staff = await requireStaff();
  if (!staff.can("reviews.read"))
    return (
      <EmptyState title="Review moderation is for staff who read reviews" headingLevel="h1">
        Your role ({ROLE_LABEL[staff.role]}) cannot see the moderation queue. Ask an owner if you need access.
      </EmptyState>
    );
  const page = queuePageOf((await searchParams).page);
  const canModerate = staff.can("reviews.moderate");

  let queue: NumberedPage<ModerationItem> | null;
  try {
    queue = await getModerationQueue(staff, page);
  } catch (error) {
    if (!isReviewsUnavailable(error)) throw error;
    queue = null;
  }
  const titles = queue ? await productTitles(staff, queue.items) : new Map<string, string>();

  return (
    <>
      <h1 className="text-2xl font-semibold tracking-tight">Reviews</h1>
      <p className="mt-1 text-sm text-ink-muted">
        Reviews waiting for moderation, oldest first. A review shows in the shop only once it is approved.
      </p>
      {!canModerate && (
        <Alert className="mt-4" title="Read only">
          Your role ({ROLE_LABEL[staff.role]}) can read the queue; managers and owners approve, reject and
          reply.
        </Alert>
      )}
      <ModerationOutcomes>
        {queue === null ? (
          <ReviewsUnavailable />
        ) : queue.total === 0 ? (
          <EmptyState className="mt-6" title="No reviews waiting">
            New reviews appear here before they are shown in the shop.
          </EmptyState>
        ) : queue.items.length === 0 ? (
          <EmptyState
            className="mt-6"
            title="Nothing left on this page"
            action={
              <Link href={reviewsHref(queue.pageCount)} className={buttonStyles({ variant: "secondary" })}>
                Go to the last page
              </Link>
            }
          >
            The reviews that were here have been moderated.
          </EmptyState>
        ) : (
          <>
            <p className="mt-4 text-sm" data-testid="queue-count">
              {queue.total.toLocaleString("en-US")} {queue.total === 1 ? "review" : "reviews"} waiting
            </p>
            <ol className="mt-4 flex flex-col gap-4" aria-label="Reviews waiting, oldest first">
              {queue.items.map((review) => (
                <li key={review.id}>
                  <QueuedReview
                    review={review}
                    productTitle={titles.get(review.productId)}
                    canModerate={canModerate}
                  />
                </li>
              ))}
            </ol>
            <PagedNav
              label="Review queue pages"
              page={queue.page}
              pageCount={queue.pageCount}
              href={reviewsHref}
            />
          </>
        )}
      </ModerationOutcomes>
    </>
  );
}
