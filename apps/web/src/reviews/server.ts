// The reviews service as the storefront's server code sees it: anyone's view of a product's approved
// reviews, and the signed-in shopper's own calls (write, mark helpful, their reviews) under a
// short-lived token naming them, which the service verifies. Nothing is cached: a review approved a
// moment ago shows on the next page view. Only server code imports this module.
import { connection } from "next/server";
import { createReviewsClient, type MyReview, type ReviewSort } from "@emporium/reviews/client";
import { freshFetch } from "@emporium/http-fetch";
import type { Shopper } from "@/auth/session";
import { bearerFor } from "@/auth/service-token";
import { env } from "@/env";
import { loadReviewPage, type ReviewsResult } from "./load";

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

// review.mine answers 20 a page; a shopper with more reviews than this is told of a second review by the
// service's refusal instead.
const OWN_REVIEW_PAGES = 5;

/** The shopper's own review of a product (with its moderation state), null if none, or unavailable. */
export async function findOwnReview(
  shopper: Shopper,
  productId: string,
): Promise<{ ok: true; review: MyReview | null } | { ok: false }> {
  const client = reviewsAs(shopper);
  try {
    for (let page = 1; page <= OWN_REVIEW_PAGES; page++) {
      const answer = await client.review.mine.query({ page });
      const found = answer.items.find((r) => r.productId === productId);
      if (found) return { ok: true, review: found };
      if (page >= answer.pageCount) break;
    }
    return { ok: true, review: null };
  } catch {
    return { ok: false };
  }
}
