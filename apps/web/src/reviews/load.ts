// Asking for a page of reviews without ever failing the page around it: whatever goes wrong — the
// service down or slow, MongoDB behind it unreachable (503), an unexpected answer — the product page
// still renders, and its reviews section says that reviews are unavailable right now.
import { TRPCClientError } from "@trpc/client";
import type { ReviewPage, ReviewSort } from "@emporium/reviews/client";

export type ReviewsResult = { ok: true; page: ReviewPage } | { ok: false };

export interface ReviewPageRequest {
  productId: string;
  sort: ReviewSort;
  cursor: string | null;
  limit: number;
}

/** The one procedure this needs, so a test can stand in for the service. */
export interface ReviewLister {
  review: {
    list: {
      query(input: {
        productId: string;
        sort: ReviewSort;
        limit: number;
        cursor?: string;
      }): Promise<ReviewPage>;
    };
  };
}

function isBadRequest(error: unknown): boolean {
  if (!(error instanceof TRPCClientError)) return false;
  const data: unknown = error.data;
  return typeof data === "object" && data !== null && "httpStatus" in data && data.httpStatus === 400;
}

/**
 * The page, or `{ ok: false }` whatever went wrong. A cursor the service refuses (a page link from an
 * old visit) gives the first page instead when `restartOnBadCursor` is set — right for a page view,
 * wrong for "Load more", which would append the first page again.
 */
export async function loadReviewPage(
  service: ReviewLister,
  request: ReviewPageRequest,
  { restartOnBadCursor = true }: { restartOnBadCursor?: boolean } = {},
): Promise<ReviewsResult> {
  const { productId, sort, cursor, limit } = request;
  try {
    const page = await service.review.list.query({ productId, sort, limit, ...(cursor ? { cursor } : {}) });
    return { ok: true, page };
  } catch (error) {
    if (cursor && restartOnBadCursor && isBadRequest(error))
      return loadReviewPage(service, { ...request, cursor: null });
    return { ok: false };
  }
}
