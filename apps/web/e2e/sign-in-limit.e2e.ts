// Too many sign-in attempts for one account, in a real Chromium, against identity's own limit as the
// stack runs it (its default: 10 attempts per account per 15 minutes): each wrong password is refused as
// such; past the limit the sign-in page says how long to wait — even for the right password, since the
// account is what is limited — and keeps the email the shopper typed.
import type { Browser, Locator, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { launchBrowser, waitForHydration } from "./browser";
import { PASSWORD, signUp } from "./reviewing";

const baseUrl = inject("baseUrl");
/** identity's SIGN_IN_ATTEMPTS and SIGN_IN_WINDOW_SECONDS defaults; the stack sets neither. */
const ATTEMPTS = 10;

let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(() => browser?.close());

/** Sends the sign-in form with `password`; answers what its alert says. */
async function attempt(page: Page, form: Locator, password: string): Promise<string> {
  await form.getByLabel("Password").fill(password);
  const answered = page.waitForResponse((res) => res.url().includes("/api/auth/callback/credentials"));
  await form.getByRole("button", { name: "Sign in", exact: true }).click();
  await answered;
  const alert = form.getByRole("alert");
  await alert.waitFor();
  return (await alert.textContent()) ?? "";
}

describe("signing in too often", () => {
  it("says when to try again past the account's limit, keeping the typed email", async () => {
    // An account of its own, so no other test's attempts count against it.
    const owner = await browser.newContext();
    const ownerPage = await owner.newPage();
    const email = await signUp(ownerPage, "Tessa Typo");
    await ownerPage.getByTestId("account-email").getByText(email).waitFor();
    await owner.close();

    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await page.goto(`${baseUrl}/account/sign-in`);
    const form = page.getByRole("form", { name: "Sign in" });
    await waitForHydration(form.getByRole("button", { name: "Sign in", exact: true }));
    await form.getByLabel("Email").fill(email);

    for (let n = 1; n <= ATTEMPTS; n++)
      expect(await attempt(page, form, `wrong password ${n}`)).toBe("Email or password is incorrect.");

    expect(await attempt(page, form, PASSWORD)).toBe(
      "Too many sign-in attempts. Please try again in 15 minutes.",
    );
    expect(await form.getByLabel("Email").inputValue()).toBe(email);
    expect(new URL(page.url()).pathname).toBe("/account/sign-in");
    await context.close();
  });
});
