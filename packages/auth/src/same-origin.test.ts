import { describe, expect, it } from "vitest";
import { crossSiteFormPost } from "./same-origin";

const post = (headers: Record<string, string>, pathname = "/p/shirt", method = "POST") => ({
  method,
  pathname,
  headers: new Headers(headers),
});

describe("crossSiteFormPost", () => {
  it("lets a page's own form through, behind a proxy or not", () => {
    expect(crossSiteFormPost(post({ host: "shop.test", origin: "https://shop.test" }))).toBeNull();
    expect(
      crossSiteFormPost(
        post({ host: "web:3000", "x-forwarded-host": "shop.test", origin: "https://shop.test" }),
      ),
    ).toBeNull();
  });

  it("refuses a post from another site, naming it", () => {
    expect(crossSiteFormPost(post({ host: "shop.test", origin: "https://evil.example" }))).toMatch(
      /another site \(evil\.example\)/,
    );
    expect(crossSiteFormPost(post({ host: "shop.test", origin: "null" }))).toMatch(/not an address/);
  });

  it("judges neither reads, nor /api routes, nor posts without an Origin", () => {
    const evil = { host: "shop.test", origin: "https://evil.example" };
    expect(crossSiteFormPost(post(evil, "/p/shirt", "GET"))).toBeNull();
    expect(crossSiteFormPost(post(evil, "/api/auth/callback/credentials"))).toBeNull();
    expect(crossSiteFormPost(post({ host: "shop.test" }))).toBeNull();
  });
});
