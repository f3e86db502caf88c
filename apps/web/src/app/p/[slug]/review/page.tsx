// /p/<slug>/review — a signed-in shopper writes their review of a product (sign-in first otherwise, then
// back here). Who may review is the reviews service's rule: a product delivered to them, once; a shopper
// who already wrote one sees it with its moderation state, and the same form, filled in, to edit it.
import type { Metadata } from "next";
import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { AUTHOR_NAME_MAX, BODY_MAX, TITLE_MAX } from "@emporium/reviews/client";
import { Alert } from "@emporium/ui/alert";
import { currentShopper } from "@/auth/session";
import { productHref, SLUG } from "@/links";
import { suggestedAuthorName } from "@/reviews/format";
import { EDIT_NOTES, OwnReview } from "@/reviews/own-review";
import { draftOfReview } from "@/reviews/review-changes";
import { ReviewForm } from "@/reviews/review-form";
import { findOwnReview } from "@/reviews/server";
import { WarmingUp } from "@/status/warming-up";
import { attempt } from "@/trpc/catalog-errors";
import { getProduct } from "@/trpc/server";

interface WriteReviewPageProps {
  params: Promise<{ slug: string }>;
}

export const metadata: Metadata = { title: "Your review", robots: { index: false } };

const LIMITS = { title: TITLE_MAX, body: BODY_MAX, authorName: AUTHOR_NAME_MAX };

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
          <div className="flex flex-col gap-10">
            <OwnReview review={own.review} />
            <section aria-labelledby="edit-review-heading">
              <h2 id="edit-review-heading" className="text-xl font-semibold">
                Edit your review
              </h2>
              <div className="mt-4">
                <ReviewForm
                  mode="edit"
                  productId={product.id}
                  productTitle={product.title}
                  productPath={productPath}
                  initial={draftOfReview(own.review)}
                  note={EDIT_NOTES[own.review.status]}
                  limits={LIMITS}
                  photos={own.review.photos}
                  author={own.review.authorName}
                />
              </div>
            </section>
            <Link href={productPath} className="font-medium text-brand-700 underline">
              Back to the product
            </Link>
          </div>
        ) : (
          <>
            <p className="mb-6 text-sm text-ink-muted">
              Only shoppers who have received this product can review it, once. Our team reads each review
              before it appears in the shop.
            </p>
            <ReviewForm
              mode="write"
              productId={product.id}
              productTitle={product.title}
              productPath={productPath}
              initial={{ rating: null, title: "", body: "", authorName: suggestedAuthorName(shopper.name) }}
              limits={LIMITS}
            />
          </>
        )}
      </div>
    </div>
  );
}
