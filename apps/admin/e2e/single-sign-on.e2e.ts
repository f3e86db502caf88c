// Single sign-on in a real Chromium against a real OpenID Connect provider (oidc-provider, started by
// the global setup): the admin sends the browser there with state and a PKCE challenge, the person
// signs in on the provider's page, and identity verifies the ID token. A staff member's verified email
// links to their account and they are in with their role; anyone else is turned away with the reason.
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { launchBrowser, waitForHydration } from "@emporium/testkit/browser";

const adminUrl = inject("adminUrl");
const issuer = inject("oidcIssuer");

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(() => browser?.close());

/** From the admin's sign-in page through the provider's login (and consent) and back. */
async function signInWithProvider(page: Page, login: string): Promise<URL> {
  await page.goto(`${adminUrl}/signin`);
  const button = page.getByRole("button", { name: "Sign in with Test provider" });
  await waitForHydration(button);
  const authorization = page.waitForRequest((r) => r.url().startsWith(`${issuer}/auth`));
  await button.click();
  const request = new URL((await authorization).url());
  await page.waitForURL((url) => url.href.startsWith(issuer));
  await page.locator('input[name="login"]').fill(login);
  await page.locator('input[name="password"]').fill("any password will do");
  await page.getByRole("button", { name: "Sign-in" }).click();
  // The provider asks once for consent to share the email and name, unless it goes straight back.
  const consent = page.getByRole("button", { name: "Continue" });
  await Promise.race([page.waitForURL((url) => url.origin === adminUrl), consent.waitFor()]);
  if (await consent.isVisible()) await consent.click();
  await page.waitForURL((url) => url.origin === adminUrl);
  return request;
}

describe("single sign-on", () => {
  it("signs a staff member in through the provider, with state and PKCE, and keeps their role", async () => {
    const page = await browser.newPage();
    const request = await signInWithProvider(page, "manager@emporium.local");
    expect(request.searchParams.get("response_type")).toBe("code");
    expect(request.searchParams.get("code_challenge_method")).toBe("S256");
    expect(request.searchParams.get("code_challenge")).toMatch(/^[\w-]{43}$/);
    expect(request.searchParams.get("state")).toBeTruthy();
    await page
      .getByTestId("signed-in-as")
      .getByText(/· Manager$/)
      .waitFor();
    expect(new URL(page.url()).origin).toBe(adminUrl);
    await page.close();
  });

  it("turns away someone whose account is not on the staff", async () => {
    const page = await browser.newPage();
    await signInWithProvider(page, "newcomer@example.com");
    await page.waitForURL(/\/signin\?error=NotStaff/);
    await expect
      .poll(() => page.locator("main").getByRole("alert").textContent())
      .toMatch(/not a staff account/);
    await page.goto(`${adminUrl}/`);
    await page.waitForURL(/\/signin/);
    await page.close();
  });
});
