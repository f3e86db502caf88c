// The staff audit log in a real Chromium: an owner changes a variant's price and a product's title in
// the admin, opens Activity from the navigation and finds both changes — who (email and role), what,
// the target with its id, the fields before → after and the request — newest first; filters by action
// through the GET form (the address carries the filter, so the view can be shared) and by target; a
// manager has no Activity link and is told that only owners can see the log.
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Browser, Locator, Page } from "playwright-core";
import { createCatalogClient } from "@emporium/catalog/client";
import { launchBrowser, waitForHydration } from "@emporium/testkit/browser";
import { submitSignIn } from "./sign-in";

const adminUrl = inject("adminUrl");
const catalog = createCatalogClient({ url: inject("catalogUrl") });

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(() => browser?.close());

/** A seeded product the other browser tests leave alone (they take the newest few). */
async function quietProduct() {
  const list = await catalog.product.list.query({ limit: 40, sort: "newest" });
  const card = list.items.at(-1);
  if (!card) throw new Error("the seeded catalog has no products");
  return catalog.product.bySlug.query({ slug: card.slug });
}

async function signIn(page: Page, who: "owner" | "manager") {
  await submitSignIn(page, `${who}@emporium.local`, `${who}-password`);
  await page.getByTestId("signed-in-as").waitFor();
}

/** The Activity table's rows, read again until `ready` holds (events arrive within seconds). */
async function entriesOnceThere(page: Page, ready: (rows: Locator) => Promise<boolean>): Promise<Locator> {
  const rows = page.getByTestId("activity-entry");
  await expect
    .poll(
      async () => {
        if (await ready(rows)) return true;
        await page.reload();
        return false;
      },
      { timeout: 30_000, interval: 1_000 },
    )
    .toBe(true);
  return rows;
}

describe("activity", () => {
  it("shows an owner each change with before → after, filters by action and target", async () => {
    const product = await quietProduct();
    const variant = product.variants[0];
    if (!variant) throw new Error(`${product.title} has no variant`);
    const newPrice = variant.price + 123;
    const page = await browser.newPage();
    await signIn(page, "owner");

    // Two changes through the admin's own forms: a price, then the product's title.
    await page.goto(`${adminUrl}/products/${product.id}`);
    const priceForm = page.getByRole("form", { name: `Price of ${variant.title}` });
    const savePrice = priceForm.getByRole("button", { name: "Save price" });
    await waitForHydration(savePrice);
    await priceForm
      .getByLabel(`Price of ${variant.title} (${product.currency})`, { exact: true })
      .fill((newPrice / 100).toFixed(2));
    await savePrice.click();
    await expect.poll(() => priceForm.getByRole("status").textContent()).toBe("Price saved");

    await page.getByText("Edit details").click();
    const details = page.getByRole("form", { name: "Product details" });
    const saveDetails = details.getByRole("button", { name: "Save details" });
    await waitForHydration(saveDetails);
    const newTitle = `${product.title} (audited)`;
    await details.getByLabel("Title").fill(newTitle);
    await saveDetails.click();
    await details.getByRole("status").filter({ hasText: "Details saved" }).waitFor();

    await page.getByRole("navigation", { name: "Admin" }).getByRole("link", { name: "Activity" }).click();
    await page.getByRole("heading", { name: "Activity", level: 1 }).waitFor();
    expect(new URL(page.url()).pathname).toBe("/activity");
    const mine = (rows: Locator) => rows.filter({ hasText: "owner@emporium.local" });
    const rows = await entriesOnceThere(page, async (r) => {
      const texts = await mine(r).allTextContents();
      return (
        texts.some((t) => t.includes("variant.price-changed")) && texts.some((t) => t.includes(newTitle))
      );
    });

    // Newest first: the title change above the price change.
    const texts = await rows.allTextContents();
    const titleAt = texts.findIndex((t) => t.includes("product.updated") && t.includes(newTitle));
    const priceAt = texts.findIndex((t) => t.includes("variant.price-changed"));
    expect(titleAt).toBeGreaterThanOrEqual(0);
    expect(titleAt).toBeLessThan(priceAt);

    const priceRow = rows.nth(priceAt);
    expect(await priceRow.textContent()).toMatch(/owner@emporium\.localOwner/);
    expect(await priceRow.textContent()).toContain(variant.id);
    const price = priceRow.getByTestId("activity-changes").getByRole("row", { name: /^priceCents/ });
    expect(await price.getByRole("cell").allTextContents()).toEqual([
      (variant.price / 100).toFixed(2),
      `→ ${(newPrice / 100).toFixed(2)}`,
    ]);
    const when = priceRow.locator("time");
    expect(await when.getAttribute("title")).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);

    const titleRow = rows.nth(titleAt);
    const title = titleRow.getByTestId("activity-changes").getByRole("row", { name: /^title/ });
    expect(await title.getByRole("cell").allTextContents()).toEqual([product.title, `→ ${newTitle}`]);
    // The product is linked to its admin page by its title as it was changed to.
    expect(await titleRow.getByRole("link", { name: newTitle }).getAttribute("href")).toBe(
      `/products/${product.id}`,
    );

    // Filtering by action: a GET form, so the address says what is shown.
    const filters = page.getByRole("search", { name: "Filter the activity" });
    await filters.getByLabel("What").selectOption("variant.price-changed");
    await filters.getByRole("button", { name: "Filter" }).click();
    await page.waitForURL(/[?&]action=variant\.price-changed(&|$)/);
    const priced = page.getByTestId("activity-entry");
    await priced.first().waitFor();
    for (const text of await priced.allTextContents()) expect(text).toContain("variant.price-changed");
    expect(await filters.getByLabel("What").inputValue()).toBe("variant.price-changed");

    // By target: this product's own history, opened from a shared address.
    await page.goto(`${adminUrl}/activity?targetType=product&targetId=${product.id}`);
    const history = page.getByTestId("activity-entry");
    await history.first().waitFor();
    const historyTexts = await history.allTextContents();
    expect(historyTexts.length).toBeGreaterThanOrEqual(1);
    for (const text of historyTexts) expect(text).toContain(product.id);
    expect(historyTexts.some((t) => t.includes("variant.price-changed"))).toBe(false);

    // Nothing matches: said, with a way back.
    await page.goto(`${adminUrl}/activity?actor=nobody-at-all%40example.com`);
    await page.getByRole("heading", { name: "No activity matches" }).waitFor();
    await page.getByRole("link", { name: "Clear the filters" }).first().waitFor();
    await page.close();
  });

  it("gives a manager no Activity link, and tells them only owners can see the log", async () => {
    const page = await browser.newPage();
    await signIn(page, "manager");
    const nav = page.getByRole("navigation", { name: "Admin" });
    await nav.getByRole("link", { name: "Reviews" }).waitFor();
    expect(await nav.getByRole("link", { name: "Activity" }).count()).toBe(0);
    await page.goto(`${adminUrl}/activity`);
    await page.getByRole("heading", { name: "Only owners can see the activity log", level: 1 }).waitFor();
    expect(await page.getByTestId("activity-entry").count()).toBe(0);
    expect(await page.getByRole("search", { name: "Filter the activity" }).count()).toBe(0);
    await page.close();
  });
});
