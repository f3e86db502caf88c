import type { Metadata } from "next";
import { headers } from "next/headers";
import Link from "next/link";
import { notFound } from "next/navigation";
import { Alert } from "@emporium/ui/alert";
import { Breadcrumbs } from "@emporium/ui/breadcrumbs";
import { env } from "@/env";
import { productHref, SLUG } from "@/links";
import { NextLink } from "@/next-link";
import { withStock } from "@/product/live-stock";
import { ProductView } from "@/product/product-view";
import { parseReviewSort } from "@/reviews/format";
import { RatingLink } from "@/reviews/rating-link";
import { ReviewsSection } from "@/reviews/reviews-section";
import { getReviewPage, reviewViewerOf } from "@/reviews/server";
import { JsonLd } from "@/seo/json-ld";
import { breadcrumbList, productBreadcrumbs, productJsonLd } from "@/seo/structured-data";
import { sharedRender } from "@/shared-cache";
import { WarmingUp } from "@/status/warming-up";
import { attempt } from "@/trpc/catalog-errors";
import { getLiveStock, getProduct } from "@/trpc/server";

interface ProductPageProps {
  params: Promise<{ slug: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

async function slugOf(props: ProductPageProps): Promise<string> {
  const { slug } = await props.params;
  if (!SLUG.test(slug)) notFound();
  return slug;
}

/** A meta description: the first sentences of the description, within the ~160 characters shown. */
function summary(text: string, max = 160): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max - 1);
  return `${cut.slice(0, cut.lastIndexOf(" "))}…`;
}

export async function generateMetadata(props: ProductPageProps): Promise<Metadata> {
  const result = await attempt(getProduct(await slugOf(props)));
  if (!result.ok) return { title: "Product", robots: { index: false } };
  const product = result.data;
  const title = product.brand ? `${product.title} by ${product.brand.name}` : product.title;
  const description = summary(product.description);
  return {
    title,
    description,
    // Every ?variant= URL is the same page for search engines.
    alternates: { canonical: productHref(product.slug) },
    openGraph: {
      title,
      description,
      url: productHref(product.slug),
      images: product.media
        .slice(0, 4)
        .map((m) => ({ url: m.url, width: m.width, height: m.height, alt: m.alt })),
    },
  };
}

export default async function ProductPage(props: ProductPageProps) {
  const slug = await slugOf(props);
  const searchParams = await props.searchParams;
  const variantId = typeof searchParams.variant === "string" ? searchParams.variant : null;
  const result = await attempt(getProduct(slug));
  if (!result.ok) {
    if (result.failure.kind === "unavailable") return <WarmingUp detail={result.failure.message} />;
    notFound();
  }
  const reviewSort = parseReviewSort(searchParams.review_sort);
  const reviewCursor = typeof searchParams.review_after === "string" ? searchParams.review_after : null;
  // A page a shared cache keeps is the same for everyone: the browser asks who is looking (reviews/viewer).
  const shared = sharedRender(await headers());
  // Reviews never fail the page: getReviewPage and findOwnReview answer { ok: false } whatever goes wrong.
  const [stock, reviews, viewer] = await Promise.all([
    getLiveStock(result.data.variants.map((v) => v.id)),
    getReviewPage(result.data.id, reviewSort, reviewCursor),
    shared ? null : reviewViewerOf(result.data.id),
  ]);
  const product = withStock(result.data, stock);
  const crumbs = productBreadcrumbs(product);
  const summary = reviews.ok ? reviews.page.summary : null;
  // Set by the add-to-cart form's redirect when it was posted without JavaScript.
  const added = product.variants.find((v) => v.id === searchParams.added);

  return (
    <div className="mx-auto max-w-7xl px-4 py-8 sm:px-6 lg:px-8">
      <JsonLd
        data={productJsonLd(
          env.SITE_URL,
          product,
          reviews.ok ? { summary: reviews.page.summary, reviews: reviews.page.items } : null,
        )}
      />
      <JsonLd data={breadcrumbList(env.SITE_URL, crumbs)} />
      <Breadcrumbs items={crumbs.map((c) => ({ label: c.name, href: c.path }))} LinkComponent={NextLink} />
      {added && (
        <Alert tone="success" title="Added to your cart" live="polite" className="mt-4">
          {product.title} ({added.title}).{" "}
          <Link href="/cart" className="font-medium text-brand-700 underline">
            View your cart
          </Link>{" "}
          or{" "}
          <Link href="/checkout" className="font-medium text-brand-700 underline">
            check out
          </Link>
          .
        </Alert>
      )}
      <div className="mt-6">
        <ProductView
          product={product}
          initialVariantId={variantId}
          heading={
            <div>
              {product.brand && (
                <Link
                  href={`/search?brand=${encodeURIComponent(product.brand.slug)}`}
                  className="text-sm font-medium tracking-wide text-brand-700 uppercase hover:underline"
                >
                  {product.brand.name}
                </Link>
              )}
              <h1 className="mt-1 text-3xl font-semibold tracking-tight text-balance">{product.title}</h1>
              {summary && summary.average !== null && summary.count > 0 && (
                <RatingLink
                  average={summary.average}
                  count={summary.count}
                  href="#reviews"
                  className="mt-2"
                />
              )}
            </div>
          }
        >
          <div className="flex flex-col gap-6 border-t border-line pt-6">
            <section aria-labelledby="description-heading">
              <h2 id="description-heading" className="text-sm font-semibold">
                Description
              </h2>
              <p className="mt-2 leading-relaxed text-ink-muted">{product.description}</p>
            </section>
            {product.attributes.length > 0 && (
              <section aria-labelledby="details-heading">
                <h2 id="details-heading" className="text-sm font-semibold">
                  Details
                </h2>
                <dl className="mt-2 grid grid-cols-[auto_1fr] gap-x-6 gap-y-2 text-sm">
                  {product.attributes.map((attribute) => (
                    <div key={attribute.slug} className="contents">
                      <dt className="text-ink-muted">{attribute.name}</dt>
                      <dd className="text-ink">{attribute.values.join(", ")}</dd>
                    </div>
                  ))}
                </dl>
              </section>
            )}
          </div>
        </ProductView>
      </div>
      <ReviewsSection
        productId={product.id}
        productPath={productHref(product.slug)}
        result={reviews}
        sort={reviewSort}
        cursor={reviewCursor}
        variantId={variantId}
        viewer={viewer}
      />
    </div>
  );
}
