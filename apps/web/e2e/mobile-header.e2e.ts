// The header on a phone (390×844, as an iPhone 12–15): one row with the menu, the logo, the account and
// the cart, and the search box below it — two rows, not three (issue 18, item 5).
import type { Browser, Locator, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { launchBrowser } from "./browser";

const baseUrl = inject("baseUrl");
let browser: Browser;
let page: Page;

beforeAll(async () => {
  browser = await launchBrowser();
  page = await browser.newPage({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
});

afterAll(async () => {
  await browser?.close();
});

async function box(locator: Locator): Promise<{ top: number; bottom: number; middle: number }> {
  const b = await locator.boundingBox();
  if (!b) throw new Error(`${locator.toString()} is not shown`);
  return { top: b.y, bottom: b.y + b.height, middle: b.y + b.height / 2 };
}

describe("the header on a phone", () => {
  it("puts menu, logo, account and cart on one row and the search below them", async () => {
    await page.goto(`${baseUrl}/`);
    const header = page.getByRole("banner");
    const menu = header.getByText("Menu", { exact: true });
    const logo = header.getByRole("link", { name: "Emporium" });
    const account = header.getByRole("link", { name: "Account" });
    const cart = header.getByRole("link", { name: /^Cart/ });
    const search = header.getByRole("search");

    const row = await Promise.all([menu, logo, account, cart].map(box));
    const middles = row.map((b) => b.middle);
    // Same row: every item's vertical middle lies within the first item's height band.
    for (const b of row) expect(b.middle).toBeGreaterThan((row[0]?.top ?? 0) - 1);
    for (const b of row) expect(b.middle).toBeLessThan((row[0]?.bottom ?? 0) + 1);
    expect(Math.max(...middles) - Math.min(...middles)).toBeLessThan(12);

    const searchBox = await box(search);
    expect(searchBox.top).toBeGreaterThanOrEqual(Math.max(...row.map((b) => b.bottom)));
    // Two rows in all: the header ends right under the search box, well under the 165 px of three rows.
    const headerBox = await box(header);
    expect(headerBox.bottom - headerBox.top).toBeLessThan(130);
  });
});
