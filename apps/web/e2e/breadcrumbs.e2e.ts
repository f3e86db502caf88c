// The breadcrumb on the Home department's pages: the site root must not read "Home" like the
// department does, and the BreadcrumbList JSON-LD names the same trail as the visible breadcrumb.
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { launchBrowser } from "./browser";

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

interface Trail {
  visible: { name: string; path: string }[];
  jsonLd: { name: string; path: string }[];
}

async function trail(p: Page): Promise<Trail> {
  const links = p.getByRole("navigation", { name: "Breadcrumb" }).getByRole("link");
  const visible = await links.evaluateAll((as) =>
    as.map((a) => ({
      name: (a.textContent ?? "").trim(),
      path: new URL((a as HTMLAnchorElement).href).pathname,
    })),
  );
  const documents = await p
    .locator('script[type="application/ld+json"]')
    .evaluateAll((scripts) => scripts.map((s) => JSON.parse(s.textContent ?? "null") as unknown));
  const list = documents.find(
    (d): d is { itemListElement: { position: number; name: string; item: string }[] } =>
      typeof d === "object" && d !== null && (d as { "@type"?: unknown })["@type"] === "BreadcrumbList",
  );
  if (!list) throw new Error("no BreadcrumbList JSON-LD on the page");
  return {
    visible,
    jsonLd: [...list.itemListElement]
      .sort((a, b) => a.position - b.position)
      .map((e) => ({ name: e.name, path: new URL(e.item).pathname })),
  };
}

describe("breadcrumb", () => {
  it("names the shop, not Home, as the root of the Home department's trail", async () => {
    await page.goto(`${baseUrl}/c/home/kitchen`);
    const { visible, jsonLd } = await trail(page);
    expect(visible).toEqual([
      { name: "Emporium", path: "/" },
      { name: "Home", path: "/c/home" },
      { name: "Kitchen", path: "/c/home/kitchen" },
    ]);
    expect(jsonLd).toEqual(visible);
    await expect(
      page
        .getByRole("navigation", { name: "Breadcrumb" })
        .getByRole("link", { name: "Kitchen" })
        .getAttribute("aria-current"),
    ).resolves.toBe("page");
  });

  it("keeps the product page's trail and JSON-LD the same, under the shop's name", async () => {
    await page.goto(`${baseUrl}/c/home/kitchen`);
    const product = page
      .getByRole("list", { name: "Products" })
      .getByRole("listitem")
      .first()
      .getByRole("link")
      .first();
    const href = await product.getAttribute("href");
    if (!href) throw new Error("no product in the kitchen");
    await page.goto(`${baseUrl}${href}`);
    const { visible, jsonLd } = await trail(page);
    expect(visible.slice(0, 3)).toEqual([
      { name: "Emporium", path: "/" },
      { name: "Home", path: "/c/home" },
      { name: "Kitchen", path: "/c/home/kitchen" },
    ]);
    expect(visible.at(-1)?.path).toBe(new URL(href, baseUrl).pathname);
    expect(jsonLd).toEqual(visible);
  });
});
