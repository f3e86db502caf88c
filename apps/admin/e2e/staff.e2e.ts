// Staff in a real Chromium: signing in (and being refused), a manager changing a price that the
// storefront's catalog then serves, and a support user who sees prices but has no control to change
// them — and whose direct API call is refused by the catalog itself.
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Browser } from "playwright-core";
import { signServiceToken, tokenKey } from "@emporium/auth";
import { createCatalogClient } from "@emporium/catalog/client";
import { launchBrowser, waitForHydration } from "@emporium/testkit/browser";
import { submitSignIn } from "./sign-in";
import { TRPCClientError } from "@trpc/client";

const adminUrl = inject("adminUrl");
const catalog = createCatalogClient({ url: inject("catalogUrl") });
const key = tokenKey(inject("serviceTokenSecret"));

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(() => browser?.close());

/** A published product with at least one variant, and the page for it in the admin. */
async function someProduct() {
  const list = await catalog.product.list.query({ limit: 5, sort: "newest" });
  const card = list.items[0];
  if (!card) throw new Error("the seeded catalog has no products");
  const product = await catalog.product.bySlug.query({ slug: card.slug });
  const variant = product.variants[0];
  if (!variant) throw new Error(`${product.slug} has no variants`);
  return { product, variant };
}

describe("staff sign-in", () => {
  it("sends anonymous visitors to the sign-in page and refuses wrong passwords and shoppers", async () => {
    const page = await browser.newPage();
    await page.goto(`${adminUrl}/products`);
    await page.waitForURL(/\/signin/);
    await page.getByRole("heading", { name: "Sign in to the merchant admin" }).waitFor();

    await submitSignIn(page, "manager@emporium.local", "not-the-password");
    await expect
      .poll(() => page.locator("main").getByRole("alert").textContent())
      .toMatch(/Email or password is incorrect/);

    await submitSignIn(page, "shopper@emporium.local", "shopper-password");
    await expect
      .poll(() => page.locator("main").getByRole("alert").textContent())
      .toMatch(/not a staff account/);
    await page.goto(`${adminUrl}/`);
    await page.waitForURL(/\/signin/);
    await page.close();
  });

  it("keeps a staff member signed in to the admin while the same browser signs in to the shop", async () => {
    // Both apps on one host (cookies ignore ports): with next-auth's default cookie names, signing in
    // to one app replaced the other's session.
    const context = await browser.newContext();
    const admin = await context.newPage();
    await submitSignIn(admin, "manager@emporium.local", "manager-password");
    await admin.waitForURL((url) => url.pathname === "/");

    const shop = await context.newPage();
    await shop.goto(`${inject("webUrl")}/account/sign-in`);
    const signIn = shop.getByRole("button", { name: "Sign in", exact: true });
    await waitForHydration(signIn);
    await shop.getByLabel("Email").fill("shopper@emporium.local");
    await shop.getByLabel("Password").fill("shopper-password");
    await signIn.click();
    await shop.waitForURL((url) => url.pathname === "/account");

    await admin.goto(`${adminUrl}/products`);
    expect(new URL(admin.url()).pathname).toBe("/products");
    await shop.goto(`${inject("webUrl")}/account`);
    expect(new URL(shop.url()).pathname).toBe("/account");
    const names = (await context.cookies()).map((c) => c.name);
    expect(names).toEqual(
      expect.arrayContaining(["emporium-admin.session-token", "emporium-shop.session-token"]),
    );
    await context.close();
  });

  it("shows its own words for a sign-in link's ?error=, never the link's text", async () => {
    const page = await browser.newPage();
    const planted = "Your account is suspended. Call +1-555-0100 to restore it.";
    await page.goto(`${adminUrl}/signin?error=${encodeURIComponent(planted)}`);
    const alert = page.locator("main").getByRole("alert");
    await expect.poll(() => alert.textContent()).toMatch(/Sign-in failed; please try again/);
    // Nothing on the page shows it (Next's own data for the page names its URL, search included).
    expect(await page.locator("body").innerText()).not.toContain("555-0100");
    await page.goto(`${adminUrl}/signin?error=SignInLimited-840`);
    await expect
      .poll(() => alert.textContent())
      .toMatch(/Too many sign-in attempts\. Please try again in 14 minutes\./);
    await page.close();
  });
});

describe("prices", () => {
  it("lets a manager change a price, which the catalog then serves", async () => {
    const { product, variant } = await someProduct();
    const page = await browser.newPage();
    await submitSignIn(page, "manager@emporium.local", "manager-password");
    await page
      .getByTestId("signed-in-as")
      .getByText(/· Manager$/)
      .waitFor();
    // The dashboard lists what is running low, each linking to its product.
    const lowStock = page.getByRole("region", { name: "Running low" });
    await lowStock.waitFor();
    expect(await lowStock.getByRole("link").count()).toBeGreaterThan(0);

    // CSV export with the page's filters: a header and one row per published product; none without a session.
    const published = (await catalog.product.list.query({ limit: 1 })).total;
    const csv = await page.request.get(`${adminUrl}/products/export?status=PUBLISHED&report=summary`);
    expect(csv.status()).toBe(200);
    expect(csv.headers()["content-type"]).toMatch(/^text\/csv/);
    const lines = (await csv.text()).trimEnd().split("\r\n");
    expect(lines[0]).toMatch(/^id,slug,title,status,/);
    expect(lines).toHaveLength(published + 1);
    expect((await fetch(`${adminUrl}/products/export`)).status).toBe(401);

    await page.goto(`${adminUrl}/products?q=${encodeURIComponent(variant.sku)}`);
    await page.getByRole("link", { name: product.title }).click();
    await page.getByRole("heading", { name: product.title, level: 1 }).waitFor();
    const form = page.getByRole("form", { name: `Price of ${variant.title}` });
    const save = form.getByRole("button", { name: "Save price" });
    await waitForHydration(save);

    // A bad amount is refused in place, naming the field, and nothing changes.
    await form.getByLabel(/^Price of/).fill("12.345");
    await save.click();
    await expect.poll(() => form.getByRole("status").textContent()).toMatch(/Price: Enter an amount/);
    expect((await catalog.product.bySlug.query({ slug: product.slug })).variants[0]?.price).toBe(
      variant.price,
    );

    const newPrice = variant.price + 1234;
    await form.getByLabel(/^Price of/).fill((newPrice / 100).toFixed(2));
    await form.getByLabel(/^Compare-at price/).fill("");
    await save.click();
    await expect.poll(() => form.getByRole("status").textContent()).toBe("Price saved");
    await expect
      .poll(async () => (await catalog.product.bySlug.query({ slug: product.slug })).variants[0]?.price)
      .toBe(newPrice);

    // A copy of the session cookie (another browser, a stolen cookie) works while the session lives…
    const copy = await browser.newContext();
    await copy.addCookies(await page.context().cookies());
    const elsewhere = await copy.newPage();
    await elsewhere.goto(`${adminUrl}/products`);
    await elsewhere.getByRole("heading", { name: "Products", level: 1 }).waitFor();

    // …and signing out ends the session everywhere: both ask for a sign-in again.
    await page.getByRole("button", { name: "Sign out" }).click();
    await page.waitForURL(/\/signin/);
    await page.goto(`${adminUrl}/products/${product.id}`);
    await page.waitForURL(/\/signin/);
    await elsewhere.goto(`${adminUrl}/products`);
    await elsewhere.waitForURL(/\/signin/);
    expect((await elsewhere.request.get(`${adminUrl}/products/export`)).status()).toBe(401);
    await copy.close();
    await page.close();
  });

  it("shows support staff the price without a control to change it, and the API refuses them", async () => {
    const { product, variant } = await someProduct();
    const page = await browser.newPage();
    await submitSignIn(page, "support@emporium.local", "support-password");
    await page
      .getByTestId("signed-in-as")
      .getByText(/· Support$/)
      .waitFor();
    await page.goto(`${adminUrl}/products/${product.id}`);
    await page.getByRole("heading", { name: "Variants and prices" }).waitFor();
    await page.getByTestId(`price-${variant.sku}`).waitFor();
    expect(await page.getByRole("button", { name: "Save price" }).count()).toBe(0);
    expect(await page.getByRole("button", { name: /Publish|Unpublish/ }).count()).toBe(0);
    await page.close();

    const support = createCatalogClient({
      url: inject("catalogUrl"),
      headers: async () => ({
        authorization: `Bearer ${await signServiceToken({ kind: "staff", userId: "support", email: "support@emporium.local", role: "support" }, key)}`,
      }),
    });
    const refused = await support.admin.variants.setPrice
      .mutate({ variantId: variant.id, price: variant.price + 1 })
      .then(
        () => null,
        (error: unknown) => error,
      );
    expect(refused).toBeInstanceOf(TRPCClientError);
    expect((refused as TRPCClientError<never>).data).toMatchObject({ code: "FORBIDDEN", httpStatus: 403 });
    expect((await catalog.product.bySlug.query({ slug: product.slug })).variants[0]?.id).toBe(variant.id);
  });
});
