// Shopper accounts in a real Chromium: signing up with a guest cart (confirmed through the mail on the
// dev mailbox page; the cart comes along), a sign-up for a taken address answered alike, a too-short
// password asked for again in plain words, checking out signed in (the order lands in the account's
// history), the address book, signing out (the cart leaves the device and waits in the account, merging
// with a new guest cart at the next sign-in), one shopper unable to open another's order, and single
// sign-on through a real OpenID Connect provider.
import { randomUUID } from "node:crypto";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from "vitest";
import { createCatalogClient } from "@emporium/catalog/client";
import { launchBrowser, waitForHydration } from "./browser";
import { ACCOUNT_EXISTS_SUBJECT, confirmFromMail, openMail, signInOnPage, submitSignUp } from "./mailbox";
import { addToCart, enterAddress, findVariants, payAndPlace, type Choice } from "./shop";

const baseUrl = inject("baseUrl");
const issuer = inject("oidcIssuer");
const catalog = createCatalogClient({ url: inject("catalogUrl") });
const PASSWORD = "correct horse battery staple";

let browser: Browser;
let context: BrowserContext;
let choices: Choice[] = [];

beforeAll(async () => {
  browser = await launchBrowser();
  choices = await findVariants(catalog, 3, { min: 20, max: 10_000 });
});
afterAll(() => browser?.close());
afterEach(() => context?.close());

async function freshPage(): Promise<Page> {
  context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  return context.newPage();
}

function choice(i: number): Choice {
  const c = choices[i];
  if (!c) throw new Error("not enough variants");
  return c;
}

/** From the account page (signed out) to a new account, confirmed through the mailed link, signed in. */
async function signUp(page: Page, name: string, email: string): Promise<void> {
  await page.goto(`${baseUrl}/account`);
  await page.waitForURL(/\/account\/sign-in\?next=(%2F|\/)account$/);
  await page.getByRole("link", { name: "Create an account" }).click();
  await submitSignUp(page, name, email, PASSWORD);
  // Not usable before the link is followed: the sign-in says so (the password being right).
  await page.goto(`${baseUrl}/account/sign-in`);
  const form = page.getByRole("form", { name: "Sign in" });
  const submit = form.getByRole("button", { name: "Sign in", exact: true });
  await waitForHydration(submit);
  await form.getByLabel("Email").fill(email);
  await form.getByLabel("Password").fill(PASSWORD);
  await submit.click();
  await expect.poll(() => form.getByRole("alert").textContent()).toMatch(/^Confirm your email address first/);
  await confirmFromMail(page, email);
  await signInOnPage(page, email, PASSWORD);
  await page.getByTestId("account-email").getByText(email).waitFor();
}

async function signIn(page: Page, email: string): Promise<void> {
  await page.goto(`${baseUrl}/account/sign-in`);
  await signInOnPage(page, email, PASSWORD);
}

async function signOut(page: Page): Promise<void> {
  await page.goto(`${baseUrl}/account`);
  const button = page.getByRole("button", { name: "Sign out" });
  await waitForHydration(button);
  await button.click();
  await page.waitForURL(`${baseUrl}/`);
}

/** The lines of the cart page, as "title — variant" names of their quantity groups. */
async function cartLines(page: Page): Promise<string[]> {
  await page.goto(`${baseUrl}/cart`);
  await page.getByRole("heading", { name: /cart/i }).first().waitFor();
  const groups = page.getByRole("group", { name: /^Quantity of / });
  return (await groups.evaluateAll((els) => els.map((e) => e.getAttribute("aria-label") ?? ""))).sort();
}

describe("shopper accounts", () => {
  it("brings the guest cart into a new account, files the order there, and keeps addresses", async () => {
    const page = await freshPage();
    await addToCart(page, baseUrl, choice(0));
    const email = `ada-${randomUUID().slice(0, 8)}@example.com`;
    await signUp(page, "Ada Lovelace", email);
    expect(await cartLines(page)).toHaveLength(1);

    // Checkout starts from the account's email.
    await page.goto(`${baseUrl}/checkout`);
    await waitForHydration(page.getByRole("button", { name: "Continue to shipping" }));
    expect(await page.getByLabel("Email").inputValue()).toBe(email);
    await enterAddress(page, { name: "Ada Lovelace", line1: "12 Analytical Row" });
    const number = await payAndPlace(page);
    expect(number).toBeTruthy();

    // The order is in the account's history and opens from there.
    await page.goto(`${baseUrl}/account`);
    const orders = page.getByRole("region", { name: "Orders" });
    await orders.getByRole("link", { name: `Order ${number}` }).click();
    await page.waitForURL(/\/orders\/[0-9a-f-]{36}$/);

    // The address book: add (with a refused field first), then remove.
    await page.goto(`${baseUrl}/account`);
    const book = page.getByRole("form", { name: "Add an address" });
    const save = book.getByRole("button", { name: "Save address" });
    await waitForHydration(save);
    await book.getByLabel("Full name").fill("Ada Lovelace");
    await book.getByLabel("Street address").fill("1 Difference Engine Way");
    await book.getByLabel("Town or city").fill("London");
    await book.getByLabel("Postal code").fill("!");
    await save.click();
    await book.getByText("Enter a postal code like 10115 or SW1A 1AA").waitFor();
    await book.getByLabel("Postal code").fill("SW1A 1AA");
    await save.click();
    // Polling the form's text, so a refusal shows in the failure rather than a bare timeout.
    await expect.poll(() => book.textContent()).toMatch(/Address saved/);
    const addresses = page.getByRole("region", { name: "Addresses" });
    await addresses.getByText("1 Difference Engine Way").waitFor();
    await addresses.getByRole("button", { name: /^Remove the address of Ada Lovelace/ }).click();
    await expect.poll(() => addresses.getByText("1 Difference Engine Way").count()).toBe(0);
  });

  it("takes the cart off the device at sign-out and merges it with a guest cart at the next sign-in", async () => {
    const page = await freshPage();
    await addToCart(page, baseUrl, choice(1));
    const email = `grace-${randomUUID().slice(0, 8)}@example.com`;
    await signUp(page, "Grace Hopper", email);
    await signOut(page);
    expect(await cartLines(page)).toEqual([]);
    await page.goto(`${baseUrl}/account`);
    await page.waitForURL(/\/account\/sign-in/);

    await addToCart(page, baseUrl, choice(2));
    await signIn(page, email);
    expect(await cartLines(page)).toEqual(
      [
        `Quantity of ${choice(1).product.title} — ${choice(1).variant.title}`,
        `Quantity of ${choice(2).product.title} — ${choice(2).variant.title}`,
      ].sort(),
    );
  });

  it("answers a sign-up for a taken email as for a new one, and mails the address's owner a notice", async () => {
    const page = await freshPage();
    const email = `taken-${randomUUID().slice(0, 8)}@example.com`;
    await signUp(page, "Tess Taken", email);
    await signOut(page);
    const fresh = `fresh-${randomUUID().slice(0, 8)}@example.com`;
    await page.goto(`${baseUrl}/account/sign-up`);
    const forNew = await submitSignUp(page, "Fay Fresh", fresh, PASSWORD);
    await page.goto(`${baseUrl}/account/sign-up`);
    const forTaken = await submitSignUp(page, "Someone Else", email, "another long password");
    expect(forTaken.replace(email, "<email>")).toBe(forNew.replace(fresh, "<email>"));
    const notice = await openMail(page, email, ACCOUNT_EXISTS_SUBJECT);
    expect(await notice.textContent()).toContain("/account/sign-in");
    // The account is as it was: its own password still signs in.
    await signIn(page, email);
  });

  it("asks for a longer password in plain words beside the field, keeping what was typed", async () => {
    const page = await freshPage();
    await page.goto(`${baseUrl}/account/sign-up`);
    const form = page.getByRole("form", { name: "Create an account" });
    const submit = form.getByRole("button", { name: "Create account" });
    await waitForHydration(submit);
    const email = `short-${randomUUID().slice(0, 8)}@example.com`;
    await form.getByLabel("Name").fill("Sam Short");
    await form.getByLabel("Email").fill(email);
    const password = form.getByLabel("Password");
    await password.fill("short");
    await submit.click();
    // The message is tied to the field (aria-describedby), so a screen reader says it there too.
    await expect.poll(() => password.getAttribute("aria-invalid")).toBe("true");
    const id = await password.getAttribute("id");
    const error = form.locator(`[id="${id}-error"]`);
    expect(await error.textContent()).toBe(
      "Choose a password of at least 10 characters; a phrase of a few words is easiest to remember.",
    );
    expect(await form.innerText()).not.toMatch(/Invalid input|must be at least|password:/);
    expect(await form.getByLabel("Email").inputValue()).toBe(email);
    expect(await form.getByLabel("Name").inputValue()).toBe("Sam Short");
  });

  it("words a sign-in link's ?error= itself, never carrying the link's text into the page", async () => {
    const page = await freshPage();
    const planted = "Your account is suspended. Call +1-555-0100 to restore it.";
    await page.goto(`${baseUrl}/account/sign-in?error=${encodeURIComponent(planted)}`);
    const alert = page.locator("main").getByRole("alert");
    await expect.poll(() => alert.textContent()).toBe("Sign-in failed; please try again.");
    // Nothing on the page shows it (Next's own data for the page names its URL, search included).
    expect(await page.locator("body").innerText()).not.toContain("555-0100");
    await context.close();
  });

  it("never opens one shopper's order for another", async () => {
    // An order placed by a first shopper.
    const first = await freshPage();
    await addToCart(first, baseUrl, choice(0));
    await signUp(first, "First Shopper", `first-${randomUUID().slice(0, 8)}@example.com`);
    await first.goto(`${baseUrl}/checkout`);
    await waitForHydration(first.getByRole("button", { name: "Continue to shipping" }));
    await enterAddress(first, { name: "First Shopper", line1: "1 First Street" });
    const number = await payAndPlace(first);
    await context.close();

    const second = await freshPage();
    await signUp(second, "Second Shopper", `second-${randomUUID().slice(0, 8)}@example.com`);
    await second.getByRole("region", { name: "Orders" }).getByText("No orders yet").waitFor();
    await second.goto(`${baseUrl}/account/orders/${number}`);
    await second.waitForURL(/\/account\?missing=1$/);
    await second.getByText("That order is not in your account.").waitFor();
  });

  it("signs a shopper in through a real OpenID Connect provider, with state and PKCE", async () => {
    const page = await freshPage();
    await page.goto(`${baseUrl}/account/sign-in`);
    const button = page.getByRole("button", { name: "Sign in with Test provider" });
    await waitForHydration(button);
    const authorization = page.waitForRequest((r) => r.url().startsWith(`${issuer}/auth`));
    await button.click();
    const request = new URL((await authorization).url());
    expect(request.searchParams.get("code_challenge_method")).toBe("S256");
    expect(request.searchParams.get("state")).toBeTruthy();
    const email = `sso-${randomUUID().slice(0, 8)}@example.com`;
    await page.locator('input[name="login"]').fill(email);
    await page.locator('input[name="password"]').fill("any password");
    await page.getByRole("button", { name: "Sign-in" }).click();
    const consent = page.getByRole("button", { name: "Continue" });
    await Promise.race([page.waitForURL((url) => url.href.startsWith(baseUrl)), consent.waitFor()]);
    if (await consent.isVisible()) await consent.click();
    await page.waitForURL(`${baseUrl}/account`);
    await page.getByTestId("account-email").getByText(email).waitFor();
  });
});
