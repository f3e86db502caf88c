// Which answers a shared cache (a CDN, the gateway) may keep: the home page, the category pages and the
// product pages. Nothing in those answers depends on who asks — the layout leaves
// the cart out of them (the header's count is read from the browser after the page loads, see
// cart/cart-context.tsx) and the product page leaves out the shopper's own review (reviews/viewer.tsx) —
// so one copy serves every shopper.
//
// Prices and stock stay right: a copy is fresh for SHARED_FRESH_SECONDS and then served at most once
// more while the cache fetches a new one; the cart and checkout price every line again from the
// catalog, so what a shopper pays never comes from a kept page. Leaving out `no-store` also lets the
// browser's back/forward cache keep these pages.
//
// The Content-Security-Policy nonce is made per render, so a kept copy carries its render's nonce in its
// header and in its scripts. That nonce is public (anyone may fetch the page), which is harmless here:
// everything a shopper wrote is rendered by React as text, and a script smuggled into a later render
// would meet that render's new nonce, not this one.
//
// Client navigations to these pages (React Server Component requests, which Next answers with a Vary on
// its router headers) are answered the same way, rendered the same way; every other page stays private:
// its answer may carry the shopper's cart, account or order. (Next hides its router headers from the
// proxy, so they could not be told apart here anyway.)

/** Set on the request by the proxy for a page a shared cache may keep; read through sharedRender. */
export const SHARED_CACHE_HEADER = "x-emporium-shared-cache";

/** True when the proxy marked this request's page as one a shared cache keeps: render nothing personal. */
export function sharedRender(requestHeaders: Pick<Headers, "get">): boolean {
  return requestHeaders.get(SHARED_CACHE_HEADER) === "1";
}

/** How long a kept page is fresh, and how long after that it may be served once while refreshed. */
export const SHARED_FRESH_SECONDS = 10;
export const SHARED_STALE_SECONDS = 60;

export const SHARED_PAGE_CACHE_CONTROL = `public, max-age=0, s-maxage=${SHARED_FRESH_SECONDS}, stale-while-revalidate=${SHARED_STALE_SECONDS}`;

const SHARED_PATHS = [/^\/$/, /^\/c\/[^/]+(\/[^/]+)*$/, /^\/p\/[^/]+$/];

/**
 * Query parameters that make a page the shopper's own: `added` is where adding to the cart without
 * JavaScript lands ("Added to your cart", and the header's count, which such a shopper cannot get from
 * the browser).
 */
const PERSONAL_PARAMS = ["added"];

export interface SharedCacheRequest {
  method: string;
  pathname: string;
  searchParams: URLSearchParams;
}

/** True for a GET or HEAD of a page whose answer is the same for every shopper. */
export function sharedCacheable({ method, pathname, searchParams }: SharedCacheRequest): boolean {
  if (method !== "GET" && method !== "HEAD") return false;
  if (PERSONAL_PARAMS.some((name) => searchParams.has(name))) return false;
  return SHARED_PATHS.some((pattern) => pattern.test(pathname));
}
