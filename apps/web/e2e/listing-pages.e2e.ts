// A shopper pages through a category: the listing says where she is ("25–48 of 120 products"), links
// every page by number with the current one marked, and Previous/Next follow the keyset cursors. All of
// it is plain links, so it is driven here with JavaScript off; the last check runs with it on.
import type { Browser, BrowserContext, Locator, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { launchBrowser, resultCount, waitForHydration } from "./browser";

const baseUrl = inject("baseUrl");
const PAGE_SIZE = 24;
let browser: Browser;
let context: BrowserContext;
let page: Page;

beforeAll(async () => {
  browser = await launchBrowser();
  context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 1280, height: 900 } });
  page = await context.newPage();
});

afterAll(async () => {
  await browser?.close();
});

const pagination = (p: Page): Locator => p.getByRole("navigation", { name: "Pages" });
const titles = (p: Page): Promise<string[]> =>
  p.getByRole("list", { name: "Products" }).getByRole("listitem").locator("h2, h3").allTextContents();

/** The page the listing marks as current, and the position it states. */
async function where(p: Page): Promise<{ current: string | null; position: string }> {
  const nav = pagination(p);
  const current = await nav.locator('[aria-current="page"]').textContent();
  const position = (await p.getByTestId("result-count").textContent()) ?? "";
  return { current: current?.trim() ?? null, position: position.replace(/\s+/g, " ").trim() };
}

const range = (from: number, to: number, total: number) =>
  `${from.toLocaleString("en-US")}–${to.toLocaleString("en-US")} of ${total.toLocaleString("en-US")} products`;

describe("listing pagination", () => {
  it("states the position and links the pages by number, without JavaScript", async () => {
    await page.goto(`${baseUrl}/c/clothing`);
    const total = await resultCount(page);
    const pages = Math.ceil(total / PAGE_SIZE);
    if (pages < 3) throw new Error(`clothing has ${total} products, too few for three pages`);

    // Page 1: "1–24 of N", page 1 current, Previous not a link, every page number a link.
    expect(await where(page)).toEqual({ current: "1", position: range(1, 24, total) });
    const nav = pagination(page);
    expect(await nav.getByRole("link", { name: "Previous" }).count()).toBe(0);
    await expect(nav.getByRole("link", { name: "Page 2", exact: true }).isVisible()).resolves.toBe(true);
    await expect(nav.getByRole("link", { name: `Page ${pages}`, exact: true }).isVisible()).resolves.toBe(
      true,
    );
    const first = await titles(page);

    // Next follows the keyset cursor: page 2 says 25–48 and marks 2.
    await nav.getByRole("link", { name: "Next" }).click();
    await page.waitForURL((url) => url.searchParams.has("after"));
    expect(await where(page)).toEqual({ current: "2", position: range(25, 48, total) });
    const second = await titles(page);
    expect(second).toHaveLength(PAGE_SIZE);
    expect(second.filter((t) => first.includes(t))).toEqual([]);

    // A number jumps straight to its page.
    await pagination(page).getByRole("link", { name: "Page 3", exact: true }).click();
    await page.waitForURL((url) => url.searchParams.get("page") === "3");
    expect(await where(page)).toEqual({ current: "3", position: range(49, Math.min(72, total), total) });
    const third = await titles(page);
    expect(third.filter((t) => second.includes(t))).toEqual([]);

    // Previous (a "before" cursor) returns exactly page 2.
    await pagination(page).getByRole("link", { name: "Previous" }).click();
    await page.waitForURL((url) => url.searchParams.has("before"));
    expect(await where(page)).toEqual({ current: "2", position: range(25, 48, total) });
    expect(await titles(page)).toEqual(second);

    // The last page ends at the total and offers no Next.
    await pagination(page)
      .getByRole("link", { name: `Page ${pages}`, exact: true })
      .click();
    await page.waitForURL((url) => url.searchParams.get("page") === String(pages));
    expect(await where(page)).toEqual({
      current: String(pages),
      position: range((pages - 1) * PAGE_SIZE + 1, total, total),
    });
    expect(await pagination(page).getByRole("link", { name: "Next" }).count()).toBe(0);

    // Page 1's link leads back to the start.
    await pagination(page).getByRole("link", { name: "Page 1", exact: true }).click();
    await page.waitForURL(`${baseUrl}/c/clothing`);
    expect(await titles(page)).toEqual(first);
  });

  it("keeps the filters and the order on every page link, with JavaScript on", async () => {
    const live = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await live.goto(`${baseUrl}/c/clothing?sort=price_asc`);
    await waitForHydration(live.locator("form[action='/c/clothing']"));
    const total = await resultCount(live);
    await pagination(live).getByRole("link", { name: "Page 2", exact: true }).click();
    await live.waitForURL((url) => url.searchParams.get("page") === "2");
    expect(new URL(live.url()).searchParams.get("sort")).toBe("price_asc");
    await live
      .getByTestId("result-count")
      .filter({ hasText: range(25, 48, total) })
      .waitFor();
    expect((await where(live)).current).toBe("2");
    await live.close();
  });
});
