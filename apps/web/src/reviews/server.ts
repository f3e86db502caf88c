// The reviews service as the storefront's server code sees it: anyone's view of a product's approved
// reviews, and the signed-in shopper's own calls (write, edit, mark helpful, their reviews) under a
// short-lived token naming them, which the service verifies. Nothing is cached: a review approved a
// moment ago shows on the next page view. Only server code imports this module.
import { connection } from "next/server";
import {
  createReviewsClient,
  type MyReview,
  type NumberedPage,
  type ReviewSort,
} from "@emporium/reviews/client";
import { freshFetch } from "@emporium/http-fetch";
import { currentShopper, ordersAs, type Shopper } from "@/auth/session";
import { bearerFor } from "@/auth/service-token";
import { env } from "@/env";
import { catalog } from "@/trpc/server";
import { loadReviewPage, type ReviewsResult } from "./load";
import { findReviewedProducts, type ReviewedProduct } from "./reviewed-products";
import type { ReviewViewer } from "./viewer";

// Reviews are one part of a product page; a slow service must not hold the rest of it for long.
const TIMEOUT_MS = 3_000;
const reviewsFetch = freshFetch(TIMEOUT_MS);

export const reviews = createReviewsClient({ url: env.REVIEWS_URL, fetch: reviewsFetch });

/** The reviews service as the shopper: their review, their helpful votes, their reviews. */
export function reviewsAs(shopper: Shopper) {
  return createReviewsClient({
    url: env.REVIEWS_URL,
    fetch: reviewsFetch,
    headers: async () => ({
      authorization: await bearerFor({ kind: "shopper", userId: shopper.id, email: shopper.email }),
    }),
  });
}

/** Reviews shown per page on the product page (and per "Load more"). */
export const REVIEWS_PAGE_SIZE = 10;

/** One page of a product's approved reviews with its rating summary, or "unavailable" — never a throw. */
export async function getReviewPage(
  productId: string,
  sort: ReviewSort,
  cursor: string | null,
  options: { restartOnBadCursor?: boolean } = {},
): Promise<ReviewsResult> {
  await connection();
  return loadReviewPage(reviews, { productId, sort, cursor, limit: REVIEWS_PAGE_SIZE }, options);
}

/** One page of the shopper's own reviews, newest first, with their moderation state — or unavailable. */
export async function getMyReviews(
  shopper: Shopper,
  page: number,
): Promise<{ ok: true; page: NumberedPage<MyReview> } | { ok: false }> {
  await connection();
  try {
    return { ok: true, page: await reviewsAs(shopper).review.mine.query({ page }) };
  } catch {
    return { ok: false };
  }
}

// review.mine answers 20 a page; a shopper with more reviews than this is told of a second review by the
// service's refusal instead.
const OWN_REVIEW_PAGES = 5;

/** The shopper's own review of a product (with its moderation state), null if none, or unavailable. */
export async function findOwnReview(
  shopper: Shopper,
  productId: string,
): Promise<{ ok: true; review: MyReview | null } | { ok: false }> {
  const client = reviewsAs(shopper);
  const inPage = (page: NumberedPage<MyReview>) => page.items.find((r) => r.productId === productId) ?? null;
  try {
    const first = await client.review.mine.query({ page: 1 });
    const found = inPage(first);
    if (found || first.pageCount === 1) return { ok: true, review: found };
    // The rest at once: a product page waits for this.
    const last = Math.min(first.pageCount, OWN_REVIEW_PAGES);
    const rest = await Promise.all(
      Array.from({ length: last - 1 }, (_, i) => client.review.mine.query({ page: i + 2 })),
    );
    return { ok: true, review: rest.map(inPage).find((r) => r !== null) ?? null };
  } catch {
    return { ok: false };
  }
}

/**
 * Who is looking at a product's reviews: signed in or not, and her own review of it (left out, null,
 * when the reviews service cannot say).
 */
export async function reviewViewerOf(productId: string): Promise<ReviewViewer> {
  const shopper = await currentShopper();
  if (!shopper) return { signedIn: false, ownReview: null };
  const own = await findOwnReview(shopper, productId);
  return { signedIn: true, ownReview: own.ok ? own.review : null };
}

/**
 * The slug and title of each product the shopper reviewed, found through their delivered orders and the
 * catalog (see reviewed-products.ts); a product it cannot name is left out.
 */
export async function reviewedProductsOf(
  shopper: Shopper,
  productIds: readonly string[],
): Promise<Map<string, ReviewedProduct>> {
  const orders = ordersAs(shopper).account.orders;
  return findReviewedProducts(
    {
      orders: (page) => orders.list.query({ page }),
      orderVariants: async (number) => (await orders.get.query({ number })).lines.map((l) => l.variantId),
      variants: (ids) => catalog.product.variants.query({ ids }),
    },
    productIds,
  );
}
