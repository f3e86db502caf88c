// A shopper picks another colour and a size; price, availability, SKU, picture and URL follow, and
// the URL reopens the same variant.
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import {
  createCatalogClient,
  findVariant,
  initialSelection,
  type ProductDetail,
  type VariantView,
} from "@emporium/catalog/client";
import { formatMoney } from "@emporium/ui/money";
import { availabilityOf } from "@/product/availability";
import { allowPageProblems, expectAccessible, launchBrowser, waitForHydration } from "./browser";

const baseUrl = inject("baseUrl");
const catalog = createCatalogClient({ url: inject("catalogUrl") });
let browser: Browser;
let page: Page;

beforeAll(async () => {
  browser = await launchBrowser();
  page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
});

afterAll(async () => {
  await browser?.close();
});

interface Scenario {
  product: ProductDetail;
  start: VariantView;
  target: VariantView;
  colour: string;
  size: string;
}

/** A product with several colours and sizes, and a variant in another colour that costs something else if possible. */
async function findScenario(): Promise<Scenario> {
  const list = await catalog.product.list.query({ category: "clothing", limit: 40 });
  let fallback: Scenario | undefined;
  for (const card of list.items) {
    const product = await catalog.product.bySlug.query({ slug: card.slug });
    const colourOption = product.options.find((o) => o.name === "Colour");
    const sizeOption = product.options.find((o) => o.name === "Size");
    if (!colourOption || !sizeOption || colourOption.values.length < 2 || sizeOption.values.length < 2)
      continue;
    const start = findVariant(
      product.options,
      product.variants,
      initialSelection(product.options, product.variants),
    );
    if (!start) continue;
    for (const target of product.variants) {
      const colour = colourOption.values.find((v) => target.optionValueIds.includes(v.id));
      const size = sizeOption.values.find((v) => target.optionValueIds.includes(v.id));
      if (
        !colour ||
        !size ||
        start.optionValueIds.includes(colour.id) ||
        start.optionValueIds.includes(size.id)
      )
        continue;
      const scenario = { product, start, target, colour: colour.value, size: size.value };
      if (target.price !== start.price) return scenario;
      fallback ??= scenario;
    }
  }
  if (!fallback) throw new Error("the seeded catalog has no product with two colours and two sizes");
  return fallback;
}

describe("product page", () => {
  it("updates price, availability, SKU, picture and URL for the chosen variant", async () => {
    const { product, start, target, colour, size } = await findScenario();
    await page.goto(`${baseUrl}/p/${product.slug}`);
    await expect(page.getByRole("heading", { level: 1 }).textContent()).resolves.toBe(product.title);
    await page.getByText(`SKU ${start.sku}`).waitFor();
    await expectAccessible(page);

    const colourButton = page
      .getByRole("group", { name: /^Colour/ })
      .getByRole("button", { name: new RegExp(`^${colour}`) });
    await waitForHydration(colourButton);
    await colourButton.click();
    await expect(colourButton.getAttribute("aria-pressed")).resolves.toBe("true");
    // The picture of the chosen colour comes forward.
    const colourImage = product.media.find(
      (m) => m.optionValueId !== null && target.optionValueIds.includes(m.optionValueId),
    );
    if (colourImage) {
      await page.locator(`[role=tabpanel] img[src="${colourImage.url}"]`).waitFor();
    }

    const sizeButton = page
      .getByRole("group", { name: /^Size/ })
      .getByRole("button", { name: new RegExp(`^${size}\\b`) });
    await sizeButton.click();
    await expect(sizeButton.getAttribute("aria-pressed")).resolves.toBe("true");

    await page.getByText(`SKU ${target.sku}`).waitFor();
    await page.waitForURL((url) => url.searchParams.get("variant") === target.id);
    const price = formatMoney(target.price, product.currency);
    const priceBlock = page.locator("[aria-live=polite]").filter({ hasText: `SKU ${target.sku}` });
    await expect(priceBlock.textContent()).resolves.toContain(price);
    await expect(priceBlock.textContent()).resolves.toContain(availabilityOf(target.available).label);
    if (target.price !== start.price) {
      await expect(priceBlock.textContent()).resolves.not.toContain(
        formatMoney(start.price, product.currency),
      );
    }

    // The URL is shareable: opening it shows the same variant.
    await page.reload();
    await page.getByText(`SKU ${target.sku}`).waitFor();
    await expect(sizeButton.getAttribute("aria-pressed")).resolves.toBe("true");
  });
});

describe("the add-to-cart form", () => {
  it("is refused with 403 in plain words when posted from another site, and works from this one", async () => {
    const [card] = (await catalog.product.list.query({ limit: 1 })).items;
    if (!card) throw new Error("the seeded catalog has no products");
    const productUrl = `${baseUrl}/p/${card.slug}`;
    await page.goto(productUrl);
    // The form's fields (Next's action id included).
    const fields = await page
      .getByRole("form", { name: "Add to cart" })
      .evaluate((form) =>
        [...new FormData(form as HTMLFormElement)].map(([name, value]) => [name, String(value)]),
      );
    // As a browser without JavaScript posts it: multipart, and not "enhanced" (that is set on hydration).
    const send = (origin: string) => {
      const body = new FormData();
      for (const [name, value] of fields) if (name && value !== undefined) body.append(name, value);
      body.set("enhanced", "0");
      return fetch(productUrl, { method: "POST", redirect: "manual", headers: { origin }, body });
    };

    const crossSite = await send("https://evil.example");
    expect(crossSite.status).toBe(403);
    expect(await crossSite.text()).toMatch(/sent from another site \(evil\.example\)/);

    const sameSite = await send(new URL(baseUrl).origin);
    expect(sameSite.status).toBe(303);
    expect(sameSite.headers.get("location")).toMatch(/added=/);
  });
});

describe("the Content-Security-Policy", () => {
  it("lets only the page's own scripts run: a fresh nonce per response, carried by every script", async () => {
    const [first, second] = await Promise.all([fetch(`${baseUrl}/`), fetch(`${baseUrl}/`)]);
    const policy = first.headers.get("content-security-policy") ?? "";
    const nonce = /'nonce-([^']+)'/.exec(policy)?.[1] ?? "";
    expect(nonce).not.toBe("");
    expect(policy).not.toMatch(/script-src[^;]*'unsafe-inline'/);
    expect(second.headers.get("content-security-policy")).not.toContain(nonce);
    const tags = [...(await first.text()).matchAll(/<script\b[^>]*>/g)]
      .map((m) => m[0])
      .filter((tag) => !tag.includes('type="application/ld+json"'));
    expect(tags.length).toBeGreaterThan(0);
    for (const tag of tags) expect(tag).toContain(`nonce="${nonce}"`);

    // In the browser: a script injected into the page's HTML (as stored markup would be) without the
    // nonce does not run, while the page's own inline script does.
    const injected = await browser.newPage();
    allowPageProblems(
      injected,
      "the injected script is refused by the policy, which the browser reports as a console error",
      /^Executing inline script violates the following Content Security Policy directive/,
    );
    await injected.route(`${baseUrl}/`, async (route) => {
      // Only the page itself: the cart the page asks for once loaded is a server action posted to it.
      if (route.request().method() !== "GET") return route.continue();
      const response = await route.fetch();
      const html = (await response.text()).replace(
        "</body>",
        "<script>window.__injected = true</script></body>",
      );
      await route.fulfill({ response, body: html });
    });
    await injected.goto(`${baseUrl}/`);
    expect(await injected.evaluate(() => document.documentElement.classList.contains("js"))).toBe(true);
    expect(await injected.evaluate(() => Reflect.get(window, "__injected"))).toBeUndefined();
    await injected.close();
  });
});
