// A shopper buys: add to cart (with and without JavaScript), the cart drawer, checkout with the
// payment provider's test cards, and the order page following the order live.
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from "vitest";
import { createCatalogClient } from "@emporium/catalog/client";
import { createOrdersClient } from "@emporium/orders/client";
import { waitFor } from "@emporium/testkit";
import { formatMoney } from "@emporium/ui/money";
import { launchBrowser } from "./browser";
import {
  ADDRESS,
  addToCart,
  chooseShipping,
  enterCard,
  enterDetails,
  findVariants,
  PLACED_ORDER_URL,
  type Choice,
} from "./shop";

const baseUrl = inject("baseUrl");
const pspUrl = inject("pspUrl");
const catalog = createCatalogClient({ url: inject("catalogUrl") });
const orders = createOrdersClient({ url: inject("ordersUrl") });

// The payment provider simulator's sandbox cards.
const CARDS = {
  success: "4242 4242 4242 4242",
  declined: "4000 0000 0000 0002",
  failsChecksum: "4242 4242 4242 4241",
};

let browser: Browser;
let context: BrowserContext;
let page: Page;
const used = new Set<string>();

beforeAll(async () => {
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
});

async function freshPage(options: { javaScriptEnabled?: boolean } = {}): Promise<Page> {
  context = await browser.newContext({ viewport: { width: 1280, height: 900 }, ...options });
  page = await context.newPage();
  return page;
}

afterEach(async () => {
  await context?.close();
  await setPspLatency(0);
});

/** Slows the payment provider's answers (its test control), so a test can watch an order change. */
async function setPspLatency(latencyMs: number): Promise<void> {
  const res = await fetch(`${pspUrl}/_control`, {
    method: "PUT",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ latencyMs }),
  });
  if (!res.ok) throw new Error(`could not set the provider's latency: ${res.status}`);
}

async function variants(count: number, min: number, max: number): Promise<Choice[]> {
  const found = await findVariants(catalog, count, { min, max, exclude: used });
  for (const choice of found) used.add(choice.product.id);
  return found;
}

async function cartToken(): Promise<string | undefined> {
  return (await context.cookies(baseUrl)).find((c) => c.name === "emporium_cart")?.value;
}

/** A fresh cart with `choice` taken through checkout's details and shipping (`method`) to the card. */
async function checkOutToPayment(choice: Choice, method: RegExp): Promise<void> {
  await addToCart(page, baseUrl, choice);
  await page.goto(`${baseUrl}/checkout`);
  await enterDetails(page);
  await chooseShipping(page, method);
}

/** Waits until the checkout's progress cookie (kept as each step opens) names `step`. */
async function keptStep(step: string): Promise<void> {
  await waitFor(
    async () => {
      const kept = (await context.cookies(`${baseUrl}/checkout`)).find((c) => c.name === "emporium_checkout");
      if (!kept) return false;
      const progress: unknown = JSON.parse(Buffer.from(kept.value, "base64url").toString("utf8"));
      return typeof progress === "object" && progress !== null && Reflect.get(progress, "step") === step;
    },
    { timeoutMs: 10_000, intervalMs: 100, what: `checkout to keep the ${step} step` },
  );
}

/** Records, in the page, every order status and live-connection state it shows. A reload would wipe it. */
async function recordOrderPage(target: Page): Promise<void> {
  await target.evaluate(() => {
    const seen: { statuses: string[]; connection: string[] } = { statuses: [], connection: [] };
    const note = (list: string[], value: string | undefined) => {
      if (value && list[list.length - 1] !== value) list.push(value);
    };
    setInterval(() => {
      const status = document.querySelector<HTMLElement>("[data-testid=order-status]");
      const live = document.querySelector<HTMLElement>("[data-testid=live-indicator]");
      note(seen.statuses, status?.dataset.status);
      note(seen.connection, live?.dataset.state);
    }, 20);
    Object.assign(window, { __orderPageRecord: seen });
  });
}

async function recorded(target: Page): Promise<{ statuses: string[]; connection: string[] } | null> {
  return target.evaluate(() => {
    const value: unknown = Reflect.get(window, "__orderPageRecord");
    if (typeof value !== "object" || value === null) return null;
    const statuses: unknown = Reflect.get(value, "statuses");
    const connection: unknown = Reflect.get(value, "connection");
    return Array.isArray(statuses) && Array.isArray(connection)
      ? { statuses: statuses.map(String), connection: connection.map(String) }
      : null;
  });
}

describe("checkout", () => {
  it("buys two items with a good card and follows the order live until it ships", async () => {
    const [first, second] = await variants(2, 3, 99);
    if (!first || !second) throw new Error("no variants to buy");
    await freshPage();

    // The drawer opens on add; Escape closes it and gives focus back to the button.
    await addToCart(page, baseUrl, first);
    await page.keyboard.press("Escape");
    await page.getByRole("dialog", { name: "Your cart" }).waitFor({ state: "hidden" });
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe("Add to cart");

    const drawer = await addToCart(page, baseUrl, second);
    await expect(
      drawer.getByRole("list", { name: "Items in your cart" }).getByRole("listitem").count(),
    ).resolves.toBe(2);
    const subtotal = first.variant.price + second.variant.price;
    await drawer
      .getByTestId("cart-subtotal")
      .filter({ hasText: formatUsd(subtotal) })
      .waitFor();
    // The header behind the open drawer counts both (it is inert while the drawer is modal).
    await expect(page.getByTestId("cart-count").textContent()).resolves.toBe("2");

    await drawer.getByRole("link", { name: "Checkout" }).click();
    await page.waitForURL(`${baseUrl}/checkout`);
    await enterDetails(page);
    await chooseShipping(page, /Standard delivery/);
    await enterCard(page, CARDS.success);

    const total = page.getByTestId("review-total");
    await total.waitFor();
    const shipping = subtotal >= 7500 ? 0 : 500;
    await expect(total.textContent()).resolves.toBe(formatUsd(subtotal + shipping));

    // The provider answers slowly: placing waits for the card's answer before the order page opens.
    await setPspLatency(800);
    await recordOrderPage(page);
    await page.getByRole("button", { name: /^Place order/ }).click();
    await page.waitForURL(PLACED_ORDER_URL);
    await page
      .locator("[data-testid=order-status]:is([data-status=SHIPPED], [data-status=DELIVERED])")
      .waitFor({ timeout: 30_000 });

    const seen = await recorded(page);
    if (!seen) throw new Error("the order page was reloaded: the in-page record is gone");
    expect(["CONFIRMED", "SHIPPED"]).toContain(seen.statuses[0]);
    expect(seen.statuses.some((s) => s === "SHIPPED" || s === "DELIVERED")).toBe(true);
    expect(seen.connection).toContain("live");

    await page.getByTestId("tracking-number").waitFor();
    const timeline = (await page.getByTestId("timeline").textContent()) ?? "";
    expect(timeline).toContain("Payment authorised");
    await expect(page.getByTestId("order-total").textContent()).resolves.toBe(formatUsd(subtotal + shipping));
    // The cart became the order: the header shows it empty.
    await page.getByRole("link", { name: "Cart, 0 items" }).waitFor();
  });

  it("keeps the shopper in checkout when her card is declined, holds her items, and takes another card", async () => {
    const [choice] = await variants(1, 2, 5);
    if (!choice) throw new Error("no low-stock variant");
    const stockOf = async () =>
      (await catalog.product.variants.query({ ids: [choice.variant.id] }))[0]?.available;
    await freshPage();

    await checkOutToPayment(choice, /Express delivery/);
    await enterCard(page, CARDS.declined);
    await page.getByTestId("review-total").waitFor();
    await page.getByRole("button", { name: /^Place order/ }).click();

    // She stays in checkout, on the card, told why; what she entered before is kept.
    const refusal = page.getByText(
      /^Payment declined — The card was declined\. Your items are held — try another card\.$/,
    );
    await refusal.waitFor({ timeout: 30_000 });
    expect(page.url()).toBe(`${baseUrl}/checkout`);
    await expect(page.getByRole("textbox", { name: "Card number" }).inputValue()).resolves.toBe("");
    await page.getByText(ADDRESS.email, { exact: true }).waitFor();
    await page.getByText(/^Express delivery — /).waitFor();
    // Her cart is still a cart with the item, and the item is held for her meanwhile.
    const token = await cartToken();
    if (!token) throw new Error("no cart cookie");
    const cart = await orders.cart.get.query({ cartToken: token });
    expect(cart.lines.map((l) => l.variantId)).toEqual([choice.variant.id]);
    await waitFor(async () => (await stockOf()) === choice.variant.available - 1, {
      timeoutMs: 20_000,
      intervalMs: 250,
      what: "the catalog to show the unit held",
    });

    await enterCard(page, CARDS.success);
    await page.getByTestId("review-total").waitFor();
    await page.getByRole("button", { name: /^Place order/ }).click();
    await page.waitForURL(PLACED_ORDER_URL, { timeout: 30_000 });
    await page
      .locator(
        "[data-testid=order-status]:is([data-status=CONFIRMED], [data-status=SHIPPED], [data-status=DELIVERED])",
      )
      .waitFor({ timeout: 30_000 });
    await page.getByRole("link", { name: "Cart, 0 items" }).waitFor();
    // One unit sold, once: the second card paid the order that held it.
    expect(await stockOf()).toBe(choice.variant.available - 1);
  });

  it("resumes checkout where the shopper was after a reload and in a second tab, asking only for the card", async () => {
    const [choice] = await variants(1, 2, 99);
    if (!choice) throw new Error("no variant to buy");
    await freshPage();
    await checkOutToPayment(choice, /Express delivery/);
    await page.getByLabel("Card number").fill(CARDS.success);

    const resumedAtPayment = async (target: Page) => {
      await target.getByRole("group", { name: "Card details" }).waitFor();
      await target.getByText(ADDRESS.email, { exact: true }).waitFor();
      await target.getByText(/^Express delivery — /).waitFor();
      // The card is never kept.
      await expect(target.getByRole("textbox", { name: "Card number" }).inputValue()).resolves.toBe("");
    };
    await keptStep("payment");
    await page.reload();
    await resumedAtPayment(page);
    const second = await context.newPage();
    await second.goto(`${baseUrl}/checkout`);
    await resumedAtPayment(second);

    // Back to the address: what was typed is there, and the step kept is the one reopened.
    await page.getByRole("button", { name: "Change contact and delivery" }).click();
    await expect(page.getByLabel("Street address").inputValue()).resolves.toBe(ADDRESS.line1);
    await keptStep("details");
    await page.reload();
    await expect(page.getByLabel("Street address").inputValue()).resolves.toBe(ADDRESS.line1);
  });

  it("on a phone: the summary folds at the top, follows the shipping choice at once, and the thank-you offers a guest an account", async () => {
    const [choice] = await variants(1, 2, 99);
    if (!choice) throw new Error("no variant to buy");
    context = await browser.newContext({
      viewport: { width: 390, height: 844 },
      isMobile: true,
      hasTouch: true,
    });
    page = await context.newPage();
    await addToCart(page, baseUrl, choice);
    await page.goto(`${baseUrl}/checkout`);

    // Folded above the steps, with the total; the side column is not shown on a phone.
    const folded = page.getByTestId("mobile-summary");
    const opener = folded.getByText("Show order summary");
    await opener.waitFor();
    const summaryBox = await folded.boundingBox();
    const stepsBox = await page.getByRole("navigation", { name: "Checkout progress" }).boundingBox();
    if (!summaryBox || !stepsBox) throw new Error("the summary or the steps are not laid out");
    expect(summaryBox.y).toBeLessThan(stepsBox.y);
    await expect(page.getByRole("complementary", { name: "Order summary" }).isVisible()).resolves.toBe(false);
    await expect(folded.getByText(choice.product.title, { exact: false }).first().isVisible()).resolves.toBe(
      false,
    );
    await opener.click();
    await folded.getByText("Hide order summary").waitFor();
    await expect(folded.getByText(choice.product.title, { exact: false }).first().isVisible()).resolves.toBe(
      true,
    );

    // The shipping line: Standard's price while Standard is selected, Express's as soon as it is picked.
    const shippingLine = folded
      .locator("dt", { hasText: "Shipping" })
      .locator("xpath=following-sibling::dd[1]");
    const standard = choice.variant.price >= 7500 ? "Free" : formatUsd(500);
    await expect(shippingLine.textContent()).resolves.toBe(standard);
    await enterDetails(page);
    await page.getByRole("radio", { name: /Express delivery/ }).check();
    await expect(shippingLine.textContent()).resolves.toBe(formatUsd(1500));

    await page.getByRole("button", { name: "Continue to payment" }).click();
    await page.getByRole("group", { name: "Card details" }).waitFor();
    await enterCard(page, CARDS.success);
    await page.getByTestId("review-total").waitFor();
    await page.getByRole("button", { name: /^Place order/ }).click();
    await page.waitForURL(PLACED_ORDER_URL, { timeout: 30_000 });

    const thanks = page.getByTestId("thank-you");
    const number = (await page.getByTestId("order-number").textContent()) ?? "";
    await thanks.getByText(`Thank you — your order ${number} is placed`).waitFor();
    const signUp = thanks.getByRole("link", { name: `Create an account with ${ADDRESS.email}` });
    const href = new URL((await signUp.getAttribute("href")) ?? "", baseUrl);
    expect(href.pathname).toBe("/account/sign-up");
    expect(href.searchParams.get("email")).toBe(ADDRESS.email);
    expect(href.searchParams.get("next")).toBe(new URL(page.url()).pathname);
    // One click: the sign-up form opens with her email already in it.
    await signUp.click();
    await page.waitForURL(/\/account\/sign-up\?/);
    expect(await page.getByLabel("Email").inputValue()).toBe(ADDRESS.email);
  });

  it("opens an order on another device only after a lookup by number and email", async () => {
    const [choice] = await variants(1, 1, 99);
    if (!choice) throw new Error("no variant to buy");
    await freshPage();
    await checkOutToPayment(choice, /Standard delivery/);
    await enterCard(page, CARDS.success);
    await page.getByTestId("review-total").waitFor();
    await page.getByRole("button", { name: /^Place order/ }).click();
    await page.waitForURL(PLACED_ORDER_URL);
    // The order's own address, without the thank-you flag (the lookup leads to it).
    const orderUrl = page.url().replace(/\?.*$/, "");
    const number = (await page.getByTestId("order-number").textContent()) ?? "";

    const other = await browser.newContext({ viewport: { width: 390, height: 844 } });
    try {
      const phone = await other.newPage();
      await phone.goto(orderUrl);
      await phone.getByRole("heading", { name: "We can’t show this order here" }).waitFor();
      await phone.getByRole("link", { name: "Find your order" }).click();
      await phone.getByLabel("Order number").fill(number.toLowerCase());
      await phone.getByLabel("Email address").fill("someone-else@example.com");
      await phone.getByRole("button", { name: "Find my order" }).click();
      await phone
        .getByRole("alert")
        .filter({ hasText: "We found no order with that number and email" })
        .waitFor();

      await phone.getByLabel("Email address").fill(ADDRESS.email);
      await phone.getByRole("button", { name: "Find my order" }).click();
      await phone.waitForURL(orderUrl);
      await expect(phone.getByTestId("order-number").textContent()).resolves.toBe(number);
    } finally {
      await other.close();
    }
  });

  it("groups the card number and the expiry as typed, names every problem at once, and asks the provider nothing until they pass", async () => {
    const [choice] = await variants(1, 2, 99);
    if (!choice) throw new Error("no variant to buy");
    await freshPage();

    await checkOutToPayment(choice, /Standard delivery/);
    const tokenRequests: string[] = [];
    page.on("request", (request) => {
      if (request.url().includes("/psp/v1/tokens")) tokenRequests.push(request.url());
    });

    // Nothing filled in: every field says what it needs, at once.
    await page.getByRole("button", { name: "Continue to review" }).click();
    for (const text of [
      "Enter the name on the card",
      "Enter the card number",
      "Enter the expiry date",
      "Enter the security code",
    ])
      await page.getByText(text, { exact: true }).waitFor();

    await page.getByLabel("Name on card").fill(ADDRESS.name);
    await page.getByLabel("Card number").pressSequentially(CARDS.failsChecksum.replace(/ /g, ""));
    await expect(page.getByLabel("Card number").inputValue()).resolves.toBe(CARDS.failsChecksum);
    await page.getByLabel("Expiry date").pressSequentially("0120");
    await expect(page.getByLabel("Expiry date").inputValue()).resolves.toBe("01/20");
    await page.getByLabel("Security code").fill("123");
    await page.getByRole("button", { name: "Continue to review" }).click();
    await page.getByText("This card has expired", { exact: true }).waitFor();

    const number = page.getByRole("textbox", { name: "Card number" });
    await page.getByText(/fails its checksum/).waitFor();
    await expect(number.getAttribute("aria-invalid")).resolves.toBe("true");
    const describedBy = (await number.getAttribute("aria-describedby")) ?? "";
    await expect(page.locator(`[id="${describedBy.split(" ")[0]}"]`).textContent()).resolves.toMatch(
      /card number is not valid/,
    );
    expect(await page.evaluate(() => document.activeElement?.getAttribute("autocomplete"))).toBe("cc-number");
    await expect(page.getByRole("button", { name: /^Place order/ }).count()).resolves.toBe(0);
    // The provider was never asked: the number and the date were judged in the page.
    expect(tokenRequests).toEqual([]);

    // No order was made: the cart is still an open cart with the item in it.
    const token = await cartToken();
    if (!token) throw new Error("no cart cookie");
    const cart = await orders.cart.get.query({ cartToken: token });
    expect(cart.lines.map((l) => l.variantId)).toEqual([choice.variant.id]);
  });
});

describe("add to cart without JavaScript", () => {
  it("posts the form, comes back with a confirmation, and shows the service's refusal beside the quantity", async () => {
    const [choice] = await variants(1, 2, 20);
    if (!choice) throw new Error("no variant to buy");
    await freshPage({ javaScriptEnabled: false });
    const available = choice.variant.available;

    await page.goto(`${baseUrl}/p/${choice.product.slug}?variant=${choice.variant.id}`);
    await page.getByLabel("Quantity").fill(String(available));
    await page.getByRole("button", { name: "Add to cart" }).click();
    await page.waitForURL((url) => url.searchParams.get("added") === choice.variant.id);
    await page.getByText("Added to your cart").waitFor();
    await page.getByRole("link", { name: `Cart, ${available} items` }).waitFor();

    // Everything that is left is already in the cart: one more is refused, next to the quantity.
    await page.getByLabel("Quantity").fill("1");
    await page.getByRole("button", { name: "Add to cart" }).click();
    const error = page.getByRole("alert").filter({ hasText: `you already have ${available} in your cart` });
    await error.waitFor();
    await expect(page.getByLabel("Quantity").getAttribute("aria-describedby")).resolves.toBe(
      await error.getAttribute("id"),
    );
    await expect(page.getByText("Added to your cart").count()).resolves.toBe(0);

    // The cart page works without JavaScript too: its stepper is a form.
    await page.goto(`${baseUrl}/cart`);
    const line = page.getByRole("group", {
      name: `Quantity of ${choice.product.title} — ${choice.variant.title}`,
    });
    await expect(line.locator("output").textContent()).resolves.toBe(String(available));
    await line.getByRole("button", { name: "Decrease quantity" }).click();
    await page.waitForURL(`${baseUrl}/cart`);
    await expect(line.locator("output").textContent()).resolves.toBe(String(available - 1));
  });
});

const formatUsd = (minor: number) => formatMoney(minor, "USD");
