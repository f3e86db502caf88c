// Opening an account as a shopper does, for the browser tests: the sign-up form (which says only to
// check the inbox), the mail read on the storefront's /dev/mailbox page (the development host keeps
// identity's mail in its dev mailbox), its confirmation link followed and confirmed, then sign-in.
import type { Page } from "playwright-core";
import { inject } from "vitest";
import { waitForHydration } from "./browser";

const baseUrl = inject("baseUrl");

/** What the sign-up form says once identity has accepted — the same for a new and a taken address. */
export const CHECK_INBOX = "Check your inbox";
export const CONFIRMATION_SUBJECT = "Confirm your Emporium account";
export const ACCOUNT_EXISTS_SUBJECT = "Someone tried to create an Emporium account with your address";

/** Fills the sign-up form on the page (already open) and waits for "check your inbox"; answers it. */
export async function submitSignUp(
  page: Page,
  name: string,
  email: string,
  password: string,
): Promise<string> {
  const form = page.getByRole("form", { name: "Create an account" });
  const submit = form.getByRole("button", { name: "Create account" });
  await waitForHydration(submit);
  await form.getByLabel("Name").fill(name);
  await form.getByLabel("Email").fill(email);
  await form.getByLabel("Password").fill(password);
  await submit.click();
  const status = page.getByRole("status").filter({ hasText: CHECK_INBOX });
  await status.waitFor();
  return (await status.textContent()) ?? "";
}

/** The newest mail to `email` with `subject` on /dev/mailbox (the page open after the call). */
export async function openMail(page: Page, email: string, subject: string) {
  await page.goto(`${baseUrl}/dev/mailbox`);
  const mail = page.getByRole("listitem", { name: `Mail to ${email}: ${subject}` }).first();
  await mail.waitFor();
  return mail;
}

/** Follows the newest confirmation link mailed to `email` and confirms; ends on the sign-in page. */
export async function confirmFromMail(page: Page, email: string): Promise<void> {
  const mail = await openMail(page, email, CONFIRMATION_SUBJECT);
  await mail.getByRole("link", { name: /\/account\/confirm\?token=/ }).click();
  await page.waitForURL(/\/account\/confirm\?token=[\w-]{43}$/);
  const confirm = page.getByRole("button", { name: "Confirm my email address" });
  await waitForHydration(confirm);
  await confirm.click();
  await page.waitForURL(`${baseUrl}/account/sign-in?confirmed=1`);
  await page.getByText("Your email address is confirmed.").waitFor();
}

/** Signs in with the sign-in form on the page (already open); ends on the account page. */
export async function signInOnPage(page: Page, email: string, password: string): Promise<void> {
  const form = page.getByRole("form", { name: "Sign in" });
  const submit = form.getByRole("button", { name: "Sign in", exact: true });
  await waitForHydration(submit);
  await form.getByLabel("Email").fill(email);
  await form.getByLabel("Password").fill(password);
  await submit.click();
  await page.waitForURL(`${baseUrl}/account`);
}

/** Sign-up from /account/sign-up to a signed-in account page, through the mailed link. */
export async function openAccount(page: Page, name: string, email: string, password: string): Promise<void> {
  await page.goto(`${baseUrl}/account/sign-up`);
  await submitSignUp(page, name, email, password);
  await confirmFromMail(page, email);
  await signInOnPage(page, email, password);
}
