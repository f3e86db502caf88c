// The storefront's pages a shopper walks through, checked with axe at a desktop and a phone width: no
// serious or critical violation (the cart link's name contains what it shows), no skipped heading level
// (a category's product cards follow an h2). Category and product pages are also checked in their own
// specs, in the states those leave them.
import { afterAll, beforeAll, describe, inject, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { createCatalogClient } from "@emporium/catalog/client";
import { expectAccessible, launchBrowser, waitForHydration } from "./browser";
import { addToCart, plentifulVariantIn } from "./shop";

const baseUrl = inject("baseUrl");
const catalog = createCatalogClient({ url: inject("catalogUrl") });

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(() => browser?.close());

/** Opens `path`, waits until its main heading is there and React has hydrated it, and runs axe. */
async function check(page: Page, path: string): Promise<void> {
  await page.goto(`${baseUrl}${path}`);
  await waitForHydration(page.getByRole("heading", { level: 1 }).first());
  await expectAccessible(page);
}

describe.each([
  { width: 1280, height: 900 },
  { width: 390, height: 844 },
])("storefront accessibility at $width×$height", (viewport) => {
  it("finds no serious violation on the home, category and product pages, nor on account sign-in", async () => {
    const page = await browser.newPage({ viewport });
    const { items } = await catalog.product.list.query({ category: "clothing", limit: 1 });
    const product = items[0];
    if (!product) throw new Error("no seeded clothing");
    for (const path of ["/", "/c/clothing", `/p/${product.slug}`, "/account/sign-in", "/account/sign-up"]) {
      await check(page, path);
    }
    await page.close();
  });

  it("finds no serious violation with an item in the cart: the header, the cart and checkout", async () => {
    const page = await browser.newPage({ viewport });
    await addToCart(page, baseUrl, await plentifulVariantIn(catalog, "accessories"));
    await expectAccessible(page);
    await check(page, "/cart");
    await check(page, "/checkout");
    await page.close();
  });
});
