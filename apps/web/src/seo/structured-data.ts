// schema.org documents for product and listing pages, built from catalog data as plain objects.
import type { ProductDetail } from "@emporium/catalog/client";
import type { PublicReview, RatingSummary } from "@emporium/reviews/client";
import { toDecimalString } from "@emporium/ui/money";
import { absoluteUrl, categoryHref, productHref } from "@/links";

export interface BreadcrumbEntry {
  name: string;
  path: string;
}

/** The shop's name, which the site root goes by in breadcrumbs (a department is called "Home"). */
export const SHOP_NAME = "Emporium";

/**
 * The first crumb of every trail. It is the shop's name rather than "Home": the catalog has a Home
 * department (homeware), and "Home / Home / Kitchen" read as the same place twice.
 */
export const ROOT_CRUMB: BreadcrumbEntry = { name: SHOP_NAME, path: "/" };

export function breadcrumbList(siteUrl: string, entries: BreadcrumbEntry[]) {
  return {
    "@context": "https://schema.org",
    "@type": "BreadcrumbList",
    itemListElement: entries.map((entry, index) => ({
      "@type": "ListItem",
      position: index + 1,
      name: entry.name,
      item: absoluteUrl(siteUrl, entry.path),
    })),
  };
}

const IN_STOCK = "https://schema.org/InStock";
const OUT_OF_STOCK = "https://schema.org/OutOfStock";
const LIMITED = "https://schema.org/LimitedAvailability";
/** Stock at or below this is announced as limited ("Only 3 left"). */
export const LOW_STOCK = 5;

function availabilityOf(available: number): string {
  if (available <= 0) return OUT_OF_STOCK;
  return available <= LOW_STOCK ? LIMITED : IN_STOCK;
}

/** What the product page shows of its reviews: the summary and the reviews on screen. */
export interface ShownReviews {
  summary: Pick<RatingSummary, "average" | "count">;
  reviews: readonly PublicReview[];
}

/** Reviews described in the Product document; search engines need no more than a few. */
export const JSON_LD_REVIEWS = 5;

/** AggregateRating and up to five Reviews, only when there are approved reviews to describe. */
function ratingJsonLd(shown: ShownReviews | null) {
  if (!shown || shown.summary.average === null || shown.summary.count === 0) return {};
  return {
    aggregateRating: {
      "@type": "AggregateRating",
      ratingValue: shown.summary.average,
      reviewCount: shown.summary.count,
      bestRating: 5,
      worstRating: 1,
    },
    review: shown.reviews.slice(0, JSON_LD_REVIEWS).map((r) => ({
      "@type": "Review",
      author: { "@type": "Person", name: r.authorName },
      datePublished: r.createdAt.slice(0, 10),
      name: r.title,
      reviewBody: r.body,
      reviewRating: { "@type": "Rating", ratingValue: r.rating, bestRating: 5, worstRating: 1 },
    })),
  };
}

/**
 * A Product with one Offer per variant, wrapped in an AggregateOffer when there are several, and its
 * rating and shown reviews when it has approved ones.
 */
export function productJsonLd(siteUrl: string, product: ProductDetail, shown: ShownReviews | null = null) {
  const currency = product.currency;
  const offers = product.variants.map((variant) => ({
    "@type": "Offer",
    sku: variant.sku,
    name: variant.title,
    url: absoluteUrl(siteUrl, productHref(product.slug, variant.id)),
    price: toDecimalString(variant.price, currency),
    priceCurrency: currency,
    availability: availabilityOf(variant.available),
    itemCondition: "https://schema.org/NewCondition",
  }));
  const prices = product.variants.map((v) => v.price);
  const anyInStock = product.variants.some((v) => v.available > 0);
  const offer =
    offers.length === 1
      ? offers[0]
      : {
          "@type": "AggregateOffer",
          priceCurrency: currency,
          lowPrice: toDecimalString(prices.length ? Math.min(...prices) : product.minPrice, currency),
          highPrice: toDecimalString(prices.length ? Math.max(...prices) : product.maxPrice, currency),
          offerCount: offers.length,
          availability: anyInStock ? IN_STOCK : OUT_OF_STOCK,
          offers,
        };
  const category = product.breadcrumbs.at(-1);
  return {
    "@context": "https://schema.org",
    "@type": "Product",
    name: product.title,
    description: product.description,
    url: absoluteUrl(siteUrl, productHref(product.slug)),
    sku: product.variants[0]?.sku,
    image: product.media.map((m) => absoluteUrl(siteUrl, m.url)),
    ...(product.brand ? { brand: { "@type": "Brand", name: product.brand.name } } : {}),
    ...(category ? { category: category.name } : {}),
    ...(offer ? { offers: offer } : {}),
    ...ratingJsonLd(shown),
  };
}

/** The shop › each category › the product, as paths for breadcrumbList and the visible trail. */
export function productBreadcrumbs(product: ProductDetail): BreadcrumbEntry[] {
  return [
    ROOT_CRUMB,
    ...product.breadcrumbs.map((c) => ({ name: c.name, path: categoryHref(c.path) })),
    { name: product.title, path: productHref(product.slug) },
  ];
}
