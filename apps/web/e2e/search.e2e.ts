// A shopper searches with a typo, through the autocomplete and through the results page.
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { launchBrowser, resultCount, waitForHydration } from "./browser";

const baseUrl = inject("baseUrl");
let browser: Browser;
let page: Page;

beforeAll(async () => {
  browser = await launchBrowser();
  page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
});

afterAll(async () => {
  await browser?.close();
});

describe("header search", () => {
  it("suggests hoodies for 'hodie' and opens one with the keyboard", async () => {
    await page.goto(baseUrl);
    const box = page.getByRole("combobox", { name: "Search products" });
    await waitForHydration(box);
    await box.fill("hodie");

    const listbox = page.getByRole("listbox", { name: "Search suggestions" });
    await listbox.waitFor();
    await expect(box.getAttribute("aria-expanded")).resolves.toBe("true");
    await listbox.getByText("Showing suggestions for hoodie").waitFor();
    const products = listbox.getByRole("group", { name: "Products" }).getByRole("option");
    await products.first().waitFor();
    const labels = await products.allTextContents();
    expect(labels.some((label) => /hoodie/i.test(label))).toBe(true);

    await box.press("ArrowDown");
    const first = products.first();
    await expect(first.getAttribute("aria-selected")).resolves.toBe("true");
    await expect(box.getAttribute("aria-activedescendant")).resolves.toBe(await first.getAttribute("id"));
    const title = await first.locator("span.truncate").first().textContent();

    await box.press("Enter");
    await page.waitForURL(/\/p\//);
    await expect(page.getByRole("heading", { level: 1 }).textContent()).resolves.toBe(title);
  });

  it("closes the suggestions with Escape", async () => {
    await page.goto(baseUrl);
    const box = page.getByRole("combobox", { name: "Search products" });
    await waitForHydration(box);
    await box.fill("linen");
    await page.getByRole("listbox", { name: "Search suggestions" }).waitFor();
    await box.press("Escape");
    await page.getByRole("listbox", { name: "Search suggestions" }).waitFor({ state: "hidden" });
    await expect(box.getAttribute("aria-expanded")).resolves.toBe("false");
    await expect(box.inputValue()).resolves.toBe("linen");
  });

  it("corrects 'lnen shrt' on the results page and leads to a linen shirt", async () => {
    await page.goto(baseUrl);
    const box = page.getByRole("combobox", { name: "Search products" });
    await waitForHydration(box);
    await box.fill("lnen shrt");
    await box.press("Enter");

    await page.waitForURL((url) => url.pathname === "/search" && url.searchParams.get("q") === "lnen shrt");
    await page
      .getByTestId("corrected-query")
      .filter({ hasText: "Showing results for linen shirt" })
      .waitFor();
    expect(await resultCount(page)).toBeGreaterThan(0);

    const results = page.getByRole("list", { name: "Products" }).getByRole("link");
    const titles = await results.allTextContents();
    const index = titles.findIndex((t) => /linen/i.test(t) && /shirt/i.test(t));
    expect(index).toBeGreaterThanOrEqual(0);
    await results.nth(index).click();
    await page.waitForURL(/\/p\//);
    await expect(page.getByRole("heading", { level: 1 }).textContent()).resolves.toBe(titles[index]);
  });
});
