// /p/<slug>/review — a signed-in shopper writes their review of a product (sign-in first otherwise, then
// back here). Who may review is the reviews service's rule: a product delivered to them, once; a shopper
// who already wrote one sees it with its moderation state instead of the form.
import type { Metadata } from "next";
import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { AUTHOR_NAME_MAX, BODY_MAX, TITLE_MAX, type MyReview } from "@emporium/reviews/client";
import { Alert } from "@emporium/ui/alert";
import { currentShopper } from "@/auth/session";
import { productHref, SLUG } from "@/links";
import { formatReviewDate, starsLabel, suggestedAuthorName } from "@/reviews/format";
import { ReviewForm } from "@/reviews/review-form";
import { findOwnReview } from "@/reviews/server";
import { Stars } from "@/reviews/stars";
import { WarmingUp } from "@/status/warming-up";
import { attempt } from "@/trpc/catalog-errors";
import { getProduct } from "@/trpc/server";

interface WriteReviewPageProps {
  params: Promise<{ slug: string }>;
}

export const metadata: Metadata = { title: "Write a review", robots: { index: false } };

const STATUS_TEXT: Record<MyReview["status"], string> = {
  pending: "Your review is waiting for approval. It will appear on the product page once approved.",
  approved: "Your review is shown on the product page.",
  rejected: "Your review was not published.",
};

function OwnReview({ review, productPath }: { review: MyReview; productPath: string }) {
  return (
    <div className="flex flex-col gap-4">
      <Alert tone={review.status === "rejected" ? "warning" : "info"} title="You have reviewed this product">
        {STATUS_TEXT[review.status]}
        {review.status === "rejected" && review.rejectionReason && (
          <span className="mt-1 block">Reason: {review.rejectionReason}</span>
        )}
      </Alert>
      <article aria-labelledby="own-review-title" className="rounded-2xl border border-line p-5">
        <Stars rating={review.rating} label={`${starsLabel(review.rating)} out of 5`} />
        <h2 id="own-review-title" className="mt-2 font-semibold text-ink">
          {review.title}
        </h2>
        <p className="mt-1 text-sm text-ink-muted">
          {review.authorName} · <time dateTime={review.createdAt}>{formatReviewDate(review.createdAt)}</time>
        </p>
        <p className="mt-2 whitespace-pre-line text-ink">{review.body}</p>
      </article>
      <Link href={productPath} className="font-medium text-brand-700 underline">
        Back to the product
      </Link>
    </div>
  );
}

export default async function WriteReviewPage({ params }: WriteReviewPageProps) {
  const { slug } = await params;
  if (!SLUG.test(slug)) notFound();
  const productPath = productHref(slug);
  const shopper = await currentShopper();
  if (!shopper) redirect(`/account/sign-in?next=${encodeURIComponent(`${productPath}/review`)}`);
  const result = await attempt(getProduct(slug));
  if (!result.ok) {
    if (result.failure.kind === "unavailable") return <WarmingUp detail={result.failure.message} />;
    notFound();
  }
  const product = result.data;
  const own = await findOwnReview(shopper, product.id);

  return (
    <div className="mx-auto max-w-2xl px-4 py-8 sm:px-6 lg:px-8">
      <p className="text-sm">
        <Link href={productPath} className="text-brand-700 hover:underline">
          <span aria-hidden="true">← </span>
          {product.title}
        </Link>
      </p>
      <h1 className="mt-3 text-3xl font-semibold tracking-tight text-balance">Review {product.title}</h1>
      <div className="mt-6">
        {!own.ok ? (
          <Alert tone="warning" title="Reviews are unavailable right now">
            Please try again in a few minutes.
          </Alert>
        ) : own.review ? (
          <OwnReview review={own.review} productPath={productPath} />
        ) : (
          <>
            <p className="mb-6 text-sm text-ink-muted">
              Only shoppers who have received this product can review it, once. Our team reads each review
              before it appears in the shop.
            </p>
            <ReviewForm
              productId={product.id}
              productTitle={product.title}
              productPath={productPath}
              authorName={suggestedAuthorName(shopper.name)}
              limits={{ title: TITLE_MAX, body: BODY_MAX, authorName: AUTHOR_NAME_MAX }}
            />
          </>
        )}
      </div>
    </div>
  );
}
