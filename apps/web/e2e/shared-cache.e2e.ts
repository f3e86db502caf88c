// Pages a CDN may keep (issue 18, page speed): the home, category and product pages answer with a
// public, seconds-long Cache-Control and no cookie, and nothing in their HTML is the shopper's own — one
// with a cart and an account gets no name, no cart count and no signed-in review link in it. Her cart
// count and her own place in the reviews come from the browser once the page has loaded. Pages that hold
// her own things stay private, and with the back/forward cache on, going back to a product page brings
// the page itself back instead of loading it again.
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { createCatalogClient } from "@emporium/catalog/client";
import { SHARED_PAGE_CACHE_CONTROL } from "@/shared-cache";
import { launchBrowser, waitForHydration } from "./browser";
import { openAccount } from "./mailbox";
import { addToCart, plentifulVariantIn, type Choice } from "./shop";

const baseUrl = inject("baseUrl");
const catalog = createCatalogClient({ url: inject("catalogUrl") });
let browser: Browser;
let choice: Choice;

beforeAll(async () => {
  browser = await launchBrowser();
  choice = await plentifulVariantIn(catalog, "accessories");
});

afterAll(async () => {
  await browser?.close();
});

describe("pages a shared cache may keep", () => {
  it("answers full loads of the home, category and product pages publicly for seconds, with no cookie", async () => {
    for (const path of ["/", "/c/accessories", `/p/${choice.product.slug}`]) {
      const response = await fetch(`${baseUrl}${path}`);
      expect(response.status, path).toBe(200);
      expect(response.headers.get("cache-control"), path).toBe(SHARED_PAGE_CACHE_CONTROL);
      expect(response.headers.get("set-cookie"), path).toBeNull();
      expect(response.headers.get("content-security-policy"), path).toMatch(/'nonce-[^']+'/);
    }
  });

  it("keeps the cart, checkout and account pages private", async () => {
    for (const path of ["/cart", "/checkout", "/account/sign-in"]) {
      const response = await fetch(`${baseUrl}${path}`, { redirect: "manual" });
      expect(response.headers.get("cache-control"), path).toContain("no-store");
    }
  });

  describe("for a shopper with a cart and an account", () => {
    const NAME = "Kept Pages";
    const email = `kept-pages-${Date.now()}@example.com`;
    let context: BrowserContext;
    let page: Page;

    beforeAll(async () => {
      context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
      page = await context.newPage();
      await openAccount(page, NAME, email, "correct horse battery staple");
      await addToCart(page, baseUrl, choice);
    });

    afterAll(async () => {
      await context?.close();
    });

    it("serves her a product page with nothing of her own in it, as a first-time visitor gets it", async () => {
      const path = `/p/${choice.product.slug}`;
      for (const html of [
        await (await context.request.get(`${baseUrl}${path}`)).text(),
        await (await fetch(`${baseUrl}${path}`)).text(),
      ]) {
        expect(html).not.toContain(NAME);
        expect(html).not.toContain(email);
        expect(html).not.toContain('data-testid="cart-count"');
        expect(html).toContain('aria-label="Cart"');
        expect(html).toContain(">Sign in to write a review<");
        expect(html).not.toContain(">Write a review<");
      }
      const hers = await context.request.get(`${baseUrl}${path}`);
      expect(hers.headers()["cache-control"]).toBe(SHARED_PAGE_CACHE_CONTROL);
      expect(hers.headers()["set-cookie"]).toBeUndefined();
    });

    it("shows her cart count and her way to review once the page has loaded", async () => {
      await page.goto(`${baseUrl}/p/${choice.product.slug}`);
      await waitForHydration(page.getByRole("button", { name: "Add to cart" }));
      await page.getByRole("banner").getByRole("link", { name: "Cart, 1 item" }).waitFor();
      const reviews = page.locator("#reviews");
      await reviews.getByRole("link", { name: "Write a review" }).waitFor();
      expect(await reviews.getByRole("link", { name: "Sign in to write a review" }).count()).toBe(0);
    });
  });

  it("lets the browser's back/forward cache bring a product page back", async () => {
    const keeping = await launchBrowser({ backForwardCache: true });
    try {
      const page = await keeping.newPage();
      await page.goto(`${baseUrl}/p/${choice.product.slug}`);
      await waitForHydration(page.getByRole("button", { name: "Add to cart" }));
      await page.evaluate(() => {
        document.documentElement.dataset.visit = "first";
        window.addEventListener("pageshow", (event) => {
          document.documentElement.dataset.restored = String(event.persisted);
        });
      });
      await page.goto(`${baseUrl}/c/accessories`);
      // A page brought back from the cache fires pageshow (persisted), not load.
      await page.goBack({ waitUntil: "commit" });
      await page.waitForFunction(() => {
        const { visit, restored } = document.documentElement.dataset;
        return restored !== undefined || (visit === undefined && document.readyState === "complete");
      });
      const state = await page.evaluate(() => {
        const entry = performance.getEntriesByType("navigation")[0];
        const reasons =
          entry && "notRestoredReasons" in entry ? JSON.stringify(entry.notRestoredReasons) : null;
        return { ...document.documentElement.dataset, reasons };
      });
      expect(state).toMatchObject({ visit: "first", restored: "true" });
    } finally {
      await keeping.close();
    }
  });
});
