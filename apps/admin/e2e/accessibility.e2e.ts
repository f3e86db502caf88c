// Every admin page an owner reaches from the navigation, checked with axe: no serious or critical
// violation, no skipped heading level. Pages the other specs already visit are checked there too,
// in the state those specs leave them (a filled form, a result list).
import { afterAll, beforeAll, describe, inject, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { createCatalogClient } from "@emporium/catalog/client";
import { expectAccessible, launchBrowser, waitForHydration } from "@emporium/testkit/browser";
import { submitSignIn } from "./sign-in";

const adminUrl = inject("adminUrl");
const catalog = createCatalogClient({ url: inject("catalogUrl") });

let browser: Browser;
let page: Page;
beforeAll(async () => {
  browser = await launchBrowser();
  page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
});
afterAll(() => browser?.close());

/** Opens `path`, waits until its main heading is there and React has hydrated it, and runs axe. */
async function check(path: string): Promise<void> {
  await page.goto(`${adminUrl}${path}`);
  await waitForHydration(page.getByRole("heading", { level: 1 }).first());
  await expectAccessible(page);
}

describe("admin accessibility", () => {
  it("finds no serious violation on the sign-in page", async () => {
    await check("/signin");
  });

  it("finds no serious violation on the pages an owner works in", async () => {
    await submitSignIn(page, "owner@emporium.local", "owner-password");
    await page.getByTestId("signed-in-as").waitFor();
    const { items } = await catalog.product.list.query({ limit: 1, sort: "newest" });
    const product = items[0];
    if (!product) throw new Error("no seeded product");
    const { id } = await catalog.product.bySlug.query({ slug: product.slug });
    for (const path of [
      "/",
      "/orders",
      "/customers",
      "/products",
      `/products/${id}`,
      "/products/new",
      "/products/import",
      "/reviews",
      "/staff",
      "/activity",
      "/operations",
    ]) {
      await check(path);
    }
  });
});
