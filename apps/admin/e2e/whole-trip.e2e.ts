// The whole trip in a real Chromium: a manager creates a product in the admin, uploads its image and
// receives stock into it; a shopper then finds it by searching the storefront and buys it; the stock
// and the product's image follow. Every step goes through the real apps, backends and event flow.
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Browser } from "playwright-core";
import { createCatalogClient } from "@emporium/catalog/client";
import { waitFor } from "@emporium/testkit";
import { launchBrowser, waitForHydration } from "@emporium/testkit/browser";
import { submitSignIn } from "./sign-in";

const adminUrl = inject("adminUrl");
const webUrl = inject("webUrl");
const catalog = createCatalogClient({ url: inject("catalogUrl") });

const TITLE = "Lighthouse Keeper Wool Beanie";
const SLUG = "lighthouse-keeper-wool-beanie";

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(() => browser?.close());

describe("from the admin to a shopper's order", () => {
  it("a manager creates a product with an image and stock; a shopper finds it by search and buys it", async () => {
    // The manager: a new product, published at once.
    const admin = await browser.newPage();
    await submitSignIn(admin, "manager@emporium.local", "manager-password");
    await admin.getByTestId("signed-in-as").waitFor();
    await admin.goto(`${adminUrl}/products/new`);
    const form = admin.getByRole("form", { name: "New product" });
    const create = form.getByRole("button", { name: "Create product" });
    await waitForHydration(create);
    await form.getByLabel("Title").fill(TITLE);
    await form.getByLabel("Description").fill("A ribbed merino beanie, warm enough for the lamp room.");
    await form.getByLabel("Primary category").selectOption({ index: 2 });
    await form.getByLabel("SKU prefix").fill("LK-BEANIE");
    await form.getByLabel("Price (USD)", { exact: true }).fill("32.00");
    await form.getByLabel(/Publish now/).check();
    await create.click();
    await admin.waitForURL(/\/products\/[0-9a-f-]{36}\?created=1$/);

    // Its image, uploaded straight from the browser.
    const png = await sharp({
      create: { width: 1000, height: 1200, channels: 3, background: { r: 30, g: 64, b: 110 } },
    })
      .png()
      .toBuffer();
    const media = admin.getByRole("form", { name: "Add an image" });
    const upload = media.getByRole("button", { name: "Upload image" });
    await waitForHydration(upload);
    await media
      .getByLabel("Image file")
      .setInputFiles({ name: "beanie.png", mimeType: "image/png", buffer: png });
    await media.getByLabel("Alt text").fill("The navy wool beanie, folded");
    await upload.click();
    await expect
      .poll(() => admin.getByTestId("media-upload-status").textContent(), { timeout: 30_000 })
      .toBe("Image added");

    // Stock: inventory opens the new variant's levels from the catalog's announcement; then 5 arrive.
    const adjust = admin.getByRole("form", { name: "Adjust stock" });
    await waitFor(
      async () => {
        await admin.reload();
        return (await adjust.getByLabel("Variant and location").locator("option").count()) > 0;
      },
      { timeoutMs: 20_000, intervalMs: 1_000, what: "the new variant's stock levels" },
    );
    const save = adjust.getByRole("button", { name: "Save adjustment" });
    await waitForHydration(save);
    await adjust.getByLabel("Variant and location").selectOption({ index: 0 });
    await adjust.getByLabel("Change in units").fill("5");
    await adjust.getByLabel("Reason").selectOption("received");
    await save.click();
    await expect
      .poll(() => adjust.getByRole("status").textContent())
      .toMatch(/^Stock increased by 5: 5 on hand$/);
    await waitFor(
      async () => (await catalog.product.bySlug.query({ slug: SLUG })).variants[0]?.available === 5,
      {
        timeoutMs: 20_000,
        what: "the catalog to show the received stock",
      },
    );

    // The shopper: search, open, buy.
    const shop = await browser.newPage();
    await shop.goto(`${webUrl}/search?q=${encodeURIComponent("lighthouse beanie")}`);
    await shop
      .getByRole("link", { name: new RegExp(TITLE) })
      .first()
      .click();
    await shop.waitForURL(new RegExp(`/p/${SLUG}`));
    await shop.getByRole("img", { name: "The navy wool beanie, folded" }).first().waitFor();
    const add = shop.getByRole("button", { name: "Add to cart" });
    await waitForHydration(add);
    await add.click();
    await shop.getByRole("dialog", { name: "Your cart" }).waitFor();
    await shop.goto(`${webUrl}/checkout`);
    const next = shop.getByRole("button", { name: "Continue to shipping" });
    await waitForHydration(next);
    await shop.getByLabel("Email").fill("keeper@example.com");
    await shop.getByLabel("Full name").fill("Ada Keeper");
    await shop.getByLabel("Street address").fill("1 Lighthouse Lane");
    await shop.getByLabel("Town or city").fill("Portland");
    await shop.getByLabel("Postal code").fill("04101");
    await next.click();
    await shop.getByRole("radio", { name: /Standard/ }).check();
    await shop.getByRole("button", { name: "Continue to payment" }).click();
    await shop.getByLabel("Name on card").fill("Ada Keeper");
    await shop.getByLabel("Card number").fill("4242 4242 4242 4242");
    await shop.getByLabel("Expiry date").fill("12/34");
    await shop.getByLabel("Security code").fill("123");
    await shop.getByRole("button", { name: "Continue to review" }).click();
    await shop.getByTestId("review-total").waitFor();
    await shop.getByRole("button", { name: /^Place order/ }).click();
    await shop.waitForURL(/\/orders\/[0-9a-f-]{36}\?placed=1$/);
    const number = await shop.getByTestId("order-number").textContent();
    expect(number).toMatch(/^EM-/);

    // The sale takes one unit from the stock the manager received.
    await waitFor(
      async () => (await catalog.product.bySlug.query({ slug: SLUG })).variants[0]?.available === 4,
      {
        timeoutMs: 30_000,
        what: "the stock to go down by the unit sold",
      },
    );
    // And the manager finds the order in the admin.
    await admin.goto(`${adminUrl}/orders?q=${encodeURIComponent(number ?? "")}`);
    await admin
      .getByRole("link", { name: number ?? "" })
      .first()
      .waitFor();
    // The dashboard counts the sale among today's.
    await admin.goto(`${adminUrl}/?days=7`);
    const today = admin.getByRole("table", { name: "Sales per day" }).getByRole("row").last();
    await expect
      .poll(async () => Number((await today.getByRole("cell").first().textContent()) ?? 0))
      .toBeGreaterThan(0);
  });
});
