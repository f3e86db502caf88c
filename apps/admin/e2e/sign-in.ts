// Signing in through the admin's own form, as a person does.
import { inject } from "vitest";
import type { Page } from "playwright-core";
import { waitForHydration } from "@emporium/testkit/browser";

/** Fills and submits the sign-in form; the caller checks what follows (the admin, or an error). */
export async function submitSignIn(page: Page, email: string, password: string): Promise<void> {
  await page.goto(`${inject("adminUrl")}/signin`);
  const submit = page.getByRole("button", { name: "Sign in", exact: true });
  await waitForHydration(submit);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await submit.click();
}
