// A typed tRPC client for the reviews service, for the storefront (a product's reviews, a shopper's own)
// and the admin (moderation), with the limits their forms show.
import { createTRPCClient } from "@trpc/client";
import { serviceLinks, type ServiceClientOptions } from "@emporium/service-kit/client";
import type { AppRouter } from "./api/router/_app";

export type { AppRouter, RouterInputs, RouterOutputs } from "./api/router/_app";
export type * from "./domain/types";
export { REVIEW_SORTS, REVIEW_STATUSES, RATINGS } from "./domain/types";
export {
  AUTHOR_NAME_MAX,
  BODY_MAX,
  DEFAULT_AUTHOR_NAME,
  DEFAULT_PAGE_SIZE,
  PAGE_SIZE_MAX,
  REASON_MAX,
  REPLY_MAX,
  TITLE_MAX,
} from "./domain/review";
export * from "./browser";

export { reviewPhotoResponse } from "./photo-proxy";

export type ReviewsClientOptions = ServiceClientOptions;

/**
 * `headers` gives an Authorization header ("Bearer <service token>" from @emporium/auth's
 * signServiceToken) for a shopper's or a staff member's calls; review.list and review.summary need none.
 */
export function createReviewsClient(options: ServiceClientOptions) {
  return createTRPCClient<AppRouter>({ links: serviceLinks(options) });
}

export type ReviewsClient = ReturnType<typeof createReviewsClient>;
