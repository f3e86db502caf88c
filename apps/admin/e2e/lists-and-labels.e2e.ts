// The merchant's daily screens read right (issue 18, items 7 and 15): product thumbnails at their size,
// "1 product" in the singular, categories named rather than slugged, the order's timeline worded for
// staff rather than for the shopper, and the order's address written the way its country writes it.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { createCatalogClient } from "@emporium/catalog/client";
import { launchBrowser } from "@emporium/testkit/browser";
import { placePaidOrder, staffAuthorization } from "./orders-api";
import { submitSignIn } from "./sign-in";

const adminUrl = inject("adminUrl");
const staffCatalog = createCatalogClient({
  url: inject("catalogUrl"),
  headers: async () => ({ authorization: await staffAuthorization("manager") }),
});

let browser: Browser;
let page: Page;
beforeAll(async () => {
  browser = await launchBrowser();
  page = await browser.newPage();
  await submitSignIn(page, "manager@emporium.local", "manager-password");
  await page.getByTestId("signed-in-as").waitFor();
});
afterAll(() => browser?.close());

describe("lists and labels", () => {
  it("shows product thumbnails at 32×40 and counts one product in the singular", async () => {
    await page.goto(`${adminUrl}/products`);
    const thumbnail = page.locator("tbody img").first();
    await thumbnail.waitFor();
    // However narrow the window, the table scrolls rather than squashing the picture.
    for (const width of [1440, 1024, 768, 390]) {
      await page.setViewportSize({ width, height: 900 });
      const box = await thumbnail.boundingBox();
      expect({ width, box: [Math.round(box?.width ?? 0), Math.round(box?.height ?? 0)] }).toEqual({
        width,
        box: [32, 40],
      });
    }
    await page.setViewportSize({ width: 1280, height: 720 });

    const title = (await page.locator("tbody th a").first().textContent())?.trim() ?? "";
    await page.goto(`${adminUrl}/products?q=${encodeURIComponent(title)}`);
    const matches = await page.locator("tbody tr").count();
    if (matches === 1) await page.getByText(/· 1 product$/).waitFor();
    else await page.getByText(new RegExp(`· ${matches} products$`)).waitFor();
    // The seeded titles are unique, so the count must have been the singular one.
    expect(matches).toBe(1);
  });

  it('names the categories under "Also list under" as the primary category\'s list does', async () => {
    const reference = await staffCatalog.admin.products.reference.query();
    const child = reference.categories.find((c) => c.depth === 1);
    if (!child) throw new Error("the seed has no second-level category");
    const parentPath = child.path.split("/").slice(0, -1).join("/");
    const parent = reference.categories.find((c) => c.path === parentPath);
    if (!parent) throw new Error(`no category at ${parentPath}`);

    await page.goto(`${adminUrl}/products/new`);
    const also = page.getByRole("group", { name: "Also list under" });
    await also.getByLabel(`${parent.name} › ${child.name}`, { exact: true }).waitFor();
    const labels = await also.locator("label").allTextContents();
    expect(labels).not.toContain(child.path.replaceAll("/", " › "));
  });

  it("words the order's timeline for staff and writes a UK address town, then postcode", async () => {
    const email = `e2e-${randomUUID().slice(0, 8)}@example.com`;
    const placed = await placePaidOrder(email);
    await page.goto(`${adminUrl}/orders/${placed.orderId}`);
    await page.getByRole("heading", { name: placed.number }).waitFor();

    const timeline = page.getByTestId("timeline");
    await timeline.getByText("Stock reserved", { exact: true }).waitFor();
    expect(await timeline.textContent()).not.toMatch(/\byou(r)?\b/i);

    const address = page.getByRole("region", { name: "Ships to" }).locator("address span");
    expect(await address.allTextContents()).toEqual([
      "Ada Lovelace",
      "12 St James's Square",
      "London",
      "SW1Y 4JH",
      "United Kingdom",
    ]);
  });
});
