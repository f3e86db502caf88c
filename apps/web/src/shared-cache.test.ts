import { describe, expect, it } from "vitest";
import {
  SHARED_CACHE_HEADER,
  SHARED_PAGE_CACHE_CONTROL,
  sharedCacheable,
  sharedRender,
} from "./shared-cache";

function request(path: string, options: { method?: string } = {}) {
  const url = new URL(path, "http://shop.test");
  return { method: options.method ?? "GET", pathname: url.pathname, searchParams: url.searchParams };
}

describe("sharedCacheable", () => {
  it("lets shared caches keep the home, category and product pages", () => {
    for (const path of ["/", "/c/women", "/c/women/shoes", "/p/linen-shirt"])
      expect(sharedCacheable(request(path)), path).toBe(true);
    expect(sharedCacheable(request("/p/linen-shirt", { method: "HEAD" }))).toBe(true);
  });

  it("keeps every page that can hold a shopper's own things private", () => {
    for (const path of [
      "/cart",
      "/checkout",
      "/account",
      "/account/orders",
      "/orders/5f1c",
      "/p/linen-shirt/review",
      "/search",
      "/api/vitals",
      "/dev/mailbox",
    ])
      expect(sharedCacheable(request(path)), path).toBe(false);
  });

  it("keeps posts (forms and server actions) private", () => {
    expect(sharedCacheable(request("/p/linen-shirt", { method: "POST" }))).toBe(false);
  });

  it("keeps the page private where adding to the cart without JavaScript lands", () => {
    expect(sharedCacheable(request("/p/linen-shirt?variant=v1&added=v1"))).toBe(false);
    expect(sharedCacheable(request("/p/linen-shirt?variant=v1&review_sort=helpful"))).toBe(true);
  });

  it("is fresh for seconds, never stored by the browser past its visit, and not no-store", () => {
    expect(SHARED_PAGE_CACHE_CONTROL).toBe("public, max-age=0, s-maxage=10, stale-while-revalidate=60");
    expect(SHARED_PAGE_CACHE_CONTROL).not.toContain("no-store");
  });

  it("reads the proxy's mark on the request, and nothing else", () => {
    expect(sharedRender(new Headers({ [SHARED_CACHE_HEADER]: "1" }))).toBe(true);
    expect(sharedRender(new Headers())).toBe(false);
  });
});
