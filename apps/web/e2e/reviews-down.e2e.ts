// The reviews service unreachable, in a real Chromium: a second `next start` of the same storefront build,
// wired like the stack's own except that REVIEWS_URL points at a port nothing listens on (the reviews
// service runs inside the development host, so it cannot be stopped alone; a storefront that cannot reach
// it is the same fault as seen from the shop). Its product page says that reviews are unavailable right
// now, and everything else works: the product's name, the variant's price and availability, and adding
// it to the cart. The stack's own storefront shows the same product's reviews section as usual.
import type { Browser, BrowserContext } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { createCatalogClient } from "@emporium/catalog/client";
import { freePort } from "@emporium/testkit/processes";
import { startAppInstance, type AppInstance } from "@emporium/testkit/browser-stack";
import { formatMoney } from "@emporium/ui/money";
import { launchBrowser } from "./browser";
import { addToCart, openProduct, plentifulVariantIn, type Choice } from "./shop";

const baseUrl = inject("baseUrl");
const catalog = createCatalogClient({ url: inject("catalogUrl") });
const UNAVAILABLE = "Reviews are unavailable right now";

let browser: Browser;
let context: BrowserContext;
let withoutReviews: AppInstance;
let choice: Choice;

beforeAll(async () => {
  const closedPort = await freePort();
  const wiring = inject("webWiring");
  withoutReviews = await startAppInstance({
    app: "web",
    env: (url) => ({
      ...wiring,
      NEXTAUTH_URL: url,
      SITE_URL: url,
      REVIEWS_URL: `http://127.0.0.1:${closedPort}/trpc`,
    }),
  });
  browser = await launchBrowser();
  choice = await plentifulVariantIn(catalog, "accessories");
  context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
}, 90_000);
afterAll(async () => {
  await browser?.close();
  await withoutReviews?.stop();
});

describe("a product page while the reviews service cannot be reached", () => {
  it("says reviews are unavailable, and shows the product and adds it to the cart as usual", async () => {
    const page = await context.newPage();

    // The stack's own storefront reaches the service: its reviews section has no such note.
    await openProduct(page, baseUrl, choice);
    const usual = page.getByRole("region", { name: "Customer reviews" });
    await usual.waitFor();
    expect(await usual.getByText(UNAVAILABLE).count()).toBe(0);

    const drawer = await addToCart(page, withoutReviews.url, choice);
    const reviews = page.getByRole("region", { name: "Customer reviews" });
    await reviews.getByText(UNAVAILABLE, { exact: true }).waitFor();
    expect(await reviews.textContent()).toContain("Everything else on this page is up to date.");
    expect(await reviews.getByRole("link", { name: /review/i }).count()).toBe(0);

    expect(await page.getByRole("heading", { level: 1 }).textContent()).toBe(choice.product.title);
    const priceBlock = page.locator("[aria-live=polite]").filter({ hasText: `SKU ${choice.variant.sku}` });
    expect(await priceBlock.textContent()).toContain(
      formatMoney(choice.variant.price, choice.product.currency),
    );
    expect(await priceBlock.textContent()).toMatch(/In stock|Only \d+ left/);

    // The cart took it: the drawer lists it, and the cart page too.
    expect(await drawer.textContent()).toContain(choice.product.title);
    await page.goto(`${withoutReviews.url}/cart`);
    await page
      .getByRole("group", { name: `Quantity of ${choice.product.title} — ${choice.variant.title}` })
      .waitFor();
    await page.close();
  });
});
