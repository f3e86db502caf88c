// A shopper narrows a category by brand and colour; the URL, the count and the results follow, and
// the back button returns to the filtered list.
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { expectAccessible, facetOptions, launchBrowser, resultCount, waitForHydration } from "./browser";

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

async function tick(legend: string, value: string) {
  const box = page.getByRole("group", { name: legend, exact: true }).locator(`input[value="${value}"]`);
  await box.check();
}

describe("category page", () => {
  it("filters by a brand and a colour, keeping the state in the URL", async () => {
    await page.goto(`${baseUrl}/c/clothing`);
    await expect(page.getByRole("heading", { level: 1 }).textContent()).resolves.toBe("Clothing");
    await waitForHydration(page.locator("form[action='/c/clothing']"));
    await expectAccessible(page);
    const total = await resultCount(page);
    expect(total).toBeGreaterThan(0);

    // A brand: the count becomes that brand's facet count.
    const brand = (await facetOptions(page, "Brand")).find(
      (o) => !o.disabled && o.count > 1 && o.count < total,
    );
    if (!brand) throw new Error("no brand to filter by");
    await tick("Brand", brand.value);
    await page.waitForURL((url) => url.searchParams.getAll("brand").includes(brand.value));
    await page
      .getByTestId("result-count")
      .filter({ hasText: `${brand.count} product` })
      .waitFor();

    // A colour within that brand: disjunctive facets give the count before ticking.
    const colour = (await facetOptions(page, "Colour")).find((o) => !o.disabled && !o.checked && o.count > 0);
    if (!colour) throw new Error("no colour to filter by");
    await tick("Colour", colour.value);
    await page.waitForURL((url) => url.searchParams.get("colour") === colour.value);
    await page
      .getByTestId("result-count")
      .filter({ hasText: `${colour.count} product` })
      .waitFor();
    expect(await resultCount(page)).toBe(colour.count);

    const url = new URL(page.url());
    expect(url.pathname).toBe("/c/clothing");
    expect(url.searchParams.getAll("brand")).toEqual([brand.value]);
    expect(url.searchParams.getAll("colour")).toEqual([colour.value]);
    await expect(
      page.getByRole("link", { name: `Colour: ${colour.label} (remove filter)` }).isVisible(),
    ).resolves.toBe(true);

    // Every card shows the chosen brand.
    const products = page.getByRole("list", { name: "Products" }).getByRole("listitem");
    const brands = await products.locator("article p:first-of-type").allTextContents();
    expect(brands.length).toBe(Math.min(colour.count, 24));
    expect(new Set(brands)).toEqual(new Set([brand.label]));

    // The first result has the chosen colour among its details.
    const first = products.first().getByRole("link");
    const title = await first.textContent();
    await first.click();
    await page.waitForURL(/\/p\//);
    await expect(page.getByRole("heading", { level: 1 }).textContent()).resolves.toBe(title);
    const colours = await page
      .locator("dt", { hasText: "Colour" })
      .locator("xpath=following-sibling::dd[1]")
      .textContent();
    expect(colours?.split(", ")).toContain(colour.label);

    // Back returns to the same filtered list.
    await page.goBack();
    await page.waitForURL(
      (u) => u.pathname === "/c/clothing" && u.searchParams.get("colour") === colour.value,
    );
    await page
      .getByTestId("result-count")
      .filter({ hasText: `${colour.count} product` })
      .waitFor();
    const ticked = (await facetOptions(page, "Colour")).find((o) => o.value === colour.value);
    expect(ticked?.checked).toBe(true);
  });

  it("asks for the first card's image, the page's likely LCP, before the others", async () => {
    await page.goto(`${baseUrl}/c/clothing`);
    const images = page.getByRole("list", { name: "Products" }).locator("img");
    await images.first().waitFor();
    const priorities = await images.evaluateAll((imgs) =>
      imgs.map((img) => [img.getAttribute("fetchpriority"), img.getAttribute("loading")]),
    );
    expect(priorities[0]).toEqual(["high", "eager"]);
    expect(priorities.slice(1).filter(([priority]) => priority === "high")).toEqual([]);
    expect(priorities.slice(3).every(([, loading]) => loading === "lazy")).toBe(true);
  });

  it("reproduces a filtered page from its URL and offers a way out of a stale filter", async () => {
    await page.goto(`${baseUrl}/c/clothing?brand=no-such-brand`);
    await page.getByRole("heading", { name: "Some filters in this link are no longer available" }).waitFor();
    await page.getByRole("link", { name: "Clear filters" }).click();
    await page.waitForURL(`${baseUrl}/c/clothing`);
    expect(await resultCount(page)).toBeGreaterThan(0);
  });

  it("filters without JavaScript through the plain form", async () => {
    const context = await browser.newContext({
      javaScriptEnabled: false,
      viewport: { width: 390, height: 844 },
    });
    try {
      const plain = await context.newPage();
      await plain.goto(`${baseUrl}/c/clothing`);
      const brand = (await facetOptions(plain, "Brand")).find((o) => !o.disabled && o.count > 0);
      if (!brand) throw new Error("no brand to filter by");
      await plain
        .getByRole("group", { name: "Brand", exact: true })
        .locator(`input[value="${brand.value}"]`)
        .check();
      await plain.getByRole("button", { name: "Show results" }).click();
      await plain.waitForURL((url) => url.searchParams.get("brand") === brand.value);
      expect(await resultCount(plain)).toBe(brand.count);
    } finally {
      await context.close();
    }
  });
});
