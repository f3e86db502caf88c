// Staff management in a real Chromium: an owner invites a colleague, who signs in with the one-time
// password and finds only what the support role allows; a manager sees the list but cannot invite.
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { launchBrowser, waitForHydration } from "@emporium/testkit/browser";
import { submitSignIn } from "./sign-in";

const adminUrl = inject("adminUrl");

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(() => browser?.close());

async function signIn(page: Page, email: string, password: string): Promise<void> {
  await submitSignIn(page, email, password);
  await page.getByTestId("signed-in-as").waitFor();
}

describe("staff management", () => {
  it("lets an owner invite a support colleague who then signs in with the one-time password", async () => {
    const owner = await browser.newPage();
    await signIn(owner, "owner@emporium.local", "owner-password");
    await owner.getByRole("navigation", { name: "Admin" }).getByRole("link", { name: "Staff" }).click();
    await owner.getByRole("heading", { name: "Staff", level: 1 }).waitFor();
    const form = owner.getByRole("form", { name: "Invite a staff member" });
    const invite = form.getByRole("button", { name: "Invite" });
    await waitForHydration(invite);
    await form.getByLabel("Email").fill("new.colleague@example.com");
    await form.getByLabel("Name").fill("Nell Colleague");
    await form.getByLabel("Role").selectOption("support");
    await invite.click();
    const password = await form.getByTestId("temporary-password").textContent();
    expect(password?.length).toBeGreaterThanOrEqual(16);
    await owner.getByRole("row", { name: /Nell Colleague/ }).waitFor();

    // Inviting the same person again is refused with a message saying why.
    await form.getByLabel("Email").fill("new.colleague@example.com");
    await form.getByLabel("Name").fill("Nell Again");
    await invite.click();
    await expect.poll(() => form.getByRole("alert").textContent()).toMatch(/already on the staff/);

    const colleague = await browser.newPage();
    await signIn(colleague, "new.colleague@example.com", password ?? "");
    await colleague
      .getByTestId("signed-in-as")
      .getByText(/· Support$/)
      .waitFor();
    const nav = colleague.getByRole("navigation", { name: "Admin" });
    expect(await nav.getByRole("link", { name: "Staff" }).count()).toBe(0);
    await colleague.goto(`${adminUrl}/staff`);
    await colleague.getByRole("heading", { name: "Staff management is for managers and owners" }).waitFor();

    // Taking them off the staff takes effect at once: their open session no longer gets in.
    await owner.reload();
    const roleForm = owner.getByRole("form", { name: "Role of Nell Colleague" });
    const save = roleForm.getByRole("button", { name: "Save" });
    await waitForHydration(save);
    await roleForm.getByLabel("Role of Nell Colleague").selectOption("none");
    await save.click();
    // Off the staff, off the list.
    await owner.getByRole("row", { name: /Nell Colleague/ }).waitFor({ state: "detached" });
    await colleague.goto(`${adminUrl}/products`);
    await colleague.waitForURL(/\/signin/);
    await colleague.close();
    await owner.close();
  });

  it("shows a manager the staff list without invitation or role controls", async () => {
    const page = await browser.newPage();
    await signIn(page, "manager@emporium.local", "manager-password");
    await page.goto(`${adminUrl}/staff`);
    await page.getByRole("row", { name: /owner@emporium\.local/ }).waitFor();
    expect(await page.getByRole("form", { name: "Invite a staff member" }).count()).toBe(0);
    expect(await page.getByRole("button", { name: "Save" }).count()).toBe(0);
    await page.close();
  });
});
