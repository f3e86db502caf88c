// Shopping helpers for the browser tests: finding variants to buy, and the steps a shopper takes.
import type { Locator, Page } from "playwright-core";
import type { CatalogClient, ProductDetail, VariantView } from "@emporium/catalog/client";
import { waitForHydration } from "./browser";

export interface Choice {
  product: ProductDetail;
  variant: VariantView;
}

// Categories the other browser tests do not buy from, so their stock moves only here.
const CATEGORIES = ["home", "footwear", "accessories", "sports-outdoors"];

/**
 * Variants (one per product, none of `exclude`) with between `min` and `max` units available, from
 * `categories` (by default those above, in their order).
 */
export async function findVariants(
  catalog: CatalogClient,
  count: number,
  options: { min: number; max: number; exclude?: ReadonlySet<string>; categories?: readonly string[] },
): Promise<Choice[]> {
  const found: Choice[] = [];
  for (const category of options.categories ?? CATEGORIES) {
    const list = await catalog.product.list.query({ category, limit: 40 });
    for (const card of list.items) {
      if (options.exclude?.has(card.id) || found.some((c) => c.product.id === card.id)) continue;
      const product = await catalog.product.bySlug.query({ slug: card.slug });
      const variant = product.variants.find((v) => v.available >= options.min && v.available <= options.max);
      if (variant) found.push({ product, variant });
      if (found.length === count) return found;
    }
  }
  throw new Error(
    `the seeded catalog has fewer than ${count} variants with ${options.min}–${options.max} in stock`,
  );
}

/** One variant with plenty in stock (20 or more) from `category`, for a test that buys a unit of it. */
export async function plentifulVariantIn(catalog: CatalogClient, category: string): Promise<Choice> {
  const [found] = await findVariants(catalog, 1, { min: 20, max: 10_000, categories: [category] });
  if (!found) throw new Error(`no variant to buy in ${category}`);
  return found;
}

/** The product page at the chosen variant, hydrated. */
export async function openProduct(page: Page, baseUrl: string, choice: Choice): Promise<Locator> {
  await page.goto(`${baseUrl}/p/${choice.product.slug}?variant=${choice.variant.id}`);
  await page.getByText(`SKU ${choice.variant.sku}`).waitFor();
  const button = page.getByRole("button", { name: "Add to cart" });
  await waitForHydration(button);
  return button;
}

/** Adds the chosen variant with JavaScript: the cart drawer opens with the item in it. */
export async function addToCart(page: Page, baseUrl: string, choice: Choice): Promise<Locator> {
  const button = await openProduct(page, baseUrl, choice);
  await button.click();
  const drawer = page.getByRole("dialog", { name: "Your cart" });
  await drawer
    .getByRole("group", { name: `Quantity of ${choice.product.title} — ${choice.variant.title}` })
    .waitFor();
  return drawer;
}

/** The availability label on the product page for the variant shown ("Only 3 left", "In stock"). */
export async function shownAvailability(page: Page, choice: Choice): Promise<string> {
  const block = page.locator("[aria-live=polite]").filter({ hasText: `SKU ${choice.variant.sku}` });
  const text = (await block.textContent()) ?? "";
  const match = /(Sold out|Only \d+ left|In stock)/.exec(text);
  if (!match?.[1]) throw new Error(`no availability in "${text}"`);
  return match[1];
}

export const ADDRESS = {
  email: "ada@example.com",
  name: "Ada Lovelace",
  line1: "12 Analytical Row",
  city: "Springfield",
  postalCode: "62701",
};

/** Fills the details step's address (the email is the caller's) and continues to shipping. */
export async function enterAddress(page: Page, who: { name: string; line1: string }): Promise<void> {
  await page.getByLabel("Full name").fill(who.name);
  await page.getByLabel("Street address").fill(who.line1);
  await page.getByLabel("Town or city").fill(ADDRESS.city);
  await page.getByLabel("Postal code").fill(ADDRESS.postalCode);
  await page.getByRole("button", { name: "Continue to shipping" }).click();
  await page.getByRole("group", { name: "Shipping method" }).waitFor();
}

/** Fills the details step and continues to shipping. */
export async function enterDetails(page: Page): Promise<void> {
  await waitForHydration(page.getByRole("button", { name: "Continue to shipping" }));
  await page.getByLabel("Email").fill(ADDRESS.email);
  await enterAddress(page, ADDRESS);
}

/** The order page checkout lands on: the thank-you for the order just placed. */
export const PLACED_ORDER_URL = /\/orders\/[0-9a-f-]{36}\?placed=1$/;

/** From the shipping step: Standard, a card that is approved, place the order; answers its number. */
export async function payAndPlace(page: Page): Promise<string | null> {
  await chooseShipping(page, /Standard/);
  await enterCard(page, "4242 4242 4242 4242");
  await page.getByTestId("review-total").waitFor();
  await page.getByRole("button", { name: /^Place order/ }).click();
  await page.waitForURL(PLACED_ORDER_URL);
  return page.getByTestId("order-number").textContent();
}

export async function chooseShipping(page: Page, name: RegExp): Promise<void> {
  await page.getByRole("radio", { name }).check();
  await page.getByRole("button", { name: "Continue to payment" }).click();
  await page.getByRole("group", { name: "Card details" }).waitFor();
}

export async function enterCard(page: Page, number: string): Promise<void> {
  await page.getByLabel("Name on card").fill(ADDRESS.name);
  await page.getByLabel("Card number").fill(number);
  await page.getByLabel("Expiry date").fill("12/34");
  await page.getByLabel("Security code").fill("123");
  await page.getByRole("button", { name: "Continue to review" }).click();
}
