// Orders in a real Chromium: an order placed through the orders API (as the storefront does) is found
// by a manager in the list, opened, and partly refunded — the refund appears in the live timeline once
// the payment worker confirms it, as does a refund made meanwhile through the API. A support user sees the same order without a refund form, and the
// orders service refuses support's refund itself.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Browser } from "playwright-core";
import { TRPCClientError } from "@trpc/client";
import { expectAccessible, launchBrowser, waitForHydration } from "@emporium/testkit/browser";
import { placeOrder, placePaidOrder, staffOrders } from "./orders-api";
import { submitSignIn } from "./sign-in";

const adminUrl = inject("adminUrl");

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(() => browser?.close());

describe("orders", () => {
  it("keeps what a manager types into the search while a list of several pages hydrates", async () => {
    // More orders than one page holds, so the list has its page-number links.
    const manager = staffOrders("manager");
    const { total } = await manager.admin.orders.list.query({ page: 1, limit: 25 });
    for (let n = total; n <= 25; n++) await placeOrder(`e2e-pages-${n}@example.com`);

    const page = await browser.newPage();
    await submitSignIn(page, "manager@emporium.local", "manager-password");
    await page.getByTestId("signed-in-as").waitFor();
    // Typed as soon as the box is there, before the page's scripts have run.
    await page.goto(`${adminUrl}/orders`, { waitUntil: "commit" });
    const search = page.getByLabel("Search by order number or email");
    await search.fill("typed-early@example.com");
    await waitForHydration(search);
    await page.getByRole("navigation", { name: "Order page numbers" }).waitFor();
    expect(await search.inputValue()).toBe("typed-early@example.com");
    await page.close();
  });

  it("lets a manager find an order and refund part of it, live in the timeline; support cannot", async () => {
    const email = `e2e-${randomUUID().slice(0, 8)}@example.com`;
    const placed = await placePaidOrder(email);

    const page = await browser.newPage();
    await submitSignIn(page, "manager@emporium.local", "manager-password");
    await page
      .getByTestId("signed-in-as")
      .getByText(/· Manager$/)
      .waitFor();
    await page.getByRole("navigation", { name: "Admin" }).getByRole("link", { name: "Orders" }).click();
    await page.waitForURL(/\/orders$/);
    await page.getByLabel("Search by order number or email").fill(email);
    await page.getByRole("button", { name: "Filter" }).click();
    await page.waitForURL(/\/orders\?q=/);
    await expectAccessible(page);
    await page.getByRole("link", { name: placed.number }).click();
    await page.getByRole("heading", { name: placed.number }).waitFor();
    await expect.poll(() => page.getByTestId("payment").textContent()).toMatch(/Paid/);
    await expectAccessible(page);

    const submit = page.getByRole("button", { name: "Refund", exact: true });
    await waitForHydration(submit);
    await page.getByLabel("Amount (USD)").fill("1.25");
    await page.getByLabel("Reason").first().fill("scuffed box");
    await submit.click();
    await expect
      .poll(() =>
        page
          .getByRole("status")
          .filter({ hasText: /Refund/ })
          .first()
          .textContent(),
      )
      .toMatch(/Refund sent/);
    // The form is emptied, so one more click does not refund the same amount again.
    expect(await page.getByLabel("Amount (USD)").inputValue()).toBe("");
    expect(await page.getByLabel("Reason").first().inputValue()).toBe("");
    // The payment worker's answer arrives through the saga; the page follows it without a reload.
    await expect
      .poll(() => page.getByTestId("timeline").textContent(), { timeout: 20_000 })
      .toMatch(/Refund of \$1\.25 requested.*Refunded \$1\.25/s);
    await expect.poll(() => page.getByTestId("refunded").textContent(), { timeout: 10_000 }).toBe("$1.25");
    await expect
      .poll(() => page.getByTestId("payment").textContent(), { timeout: 10_000 })
      .toMatch(/Partially refunded/);

    // A change made elsewhere (another manager, through the API) shows up on the open page by itself.
    await staffOrders("manager").admin.orders.refund.mutate({
      orderId: placed.orderId,
      amount: 50,
      reason: "goodwill",
      idempotencyKey: `e2e_${randomUUID().replace(/-/g, "")}`,
    });
    await expect
      .poll(() => page.getByTestId("timeline").textContent(), { timeout: 20_000 })
      .toMatch(/Refunded \$0\.50/);
    await expect.poll(() => page.getByTestId("refunded").textContent(), { timeout: 10_000 }).toBe("$1.75");

    // The same refund submitted twice at once (a double click) is sent once: the second carries the
    // same idempotency key and is answered without a second payout.
    await page.getByLabel("Amount (USD)").fill("2.00");
    await page.getByLabel("Reason").first().fill("second parcel");
    await page
      .getByRole("form", { name: "Refund" })
      .evaluate((form: HTMLFormElement) => (form.requestSubmit(), form.requestSubmit()));
    await expect
      .poll(() => page.locator("#refund-message").textContent(), { timeout: 20_000 })
      .toMatch(/already sent; it was not sent again/);
    await expect
      .poll(() => page.getByTestId("timeline").textContent(), { timeout: 20_000 })
      .toMatch(/Refunded \$2\.00/);
    await expect.poll(() => page.getByTestId("refunded").textContent(), { timeout: 10_000 }).toBe("$3.75");
    const timeline = (await page.getByTestId("timeline").textContent()) ?? "";
    expect(timeline.match(/Refund of \$2\.00 requested/g)).toHaveLength(1);

    // An amount beyond what is left is refused at the field.
    await page.getByLabel("Amount (USD)").fill("100000");
    await page.getByRole("button", { name: "Refund", exact: true }).click();
    await expect
      .poll(() => page.locator("#refund-message").textContent())
      .toMatch(/^At most \$[\d.]+ can be refunded \(\$[\d.]+ charged, \$3\.75 already refunded\)$/);
    await page.close();

    const support = await browser.newPage();
    await submitSignIn(support, "support@emporium.local", "support-password");
    await support
      .getByTestId("signed-in-as")
      .getByText(/· Support$/)
      .waitFor();
    await support.goto(`${adminUrl}/orders/${placed.orderId}`);
    await support.getByRole("heading", { name: placed.number }).waitFor();
    await expect.poll(() => support.getByTestId("timeline").textContent()).toMatch(/Refunded \$1\.25/);
    expect(await support.getByRole("button", { name: "Refund", exact: true }).count()).toBe(0);
    expect(await support.getByLabel("Amount (USD)").count()).toBe(0);
    await support.getByText(/managers and owners refund/).waitFor();
    // Support's customer view lists the order too.
    await support.goto(`${adminUrl}/customers/${encodeURIComponent(email)}`);
    await support.getByRole("link", { name: placed.number }).waitFor();
    await support.close();

    // The orders service refuses support's refund on its own, whatever the page shows.
    const asSupport = staffOrders("support");
    const refused = await asSupport.admin.orders.refund
      .mutate({
        orderId: placed.orderId,
        amount: 100,
        idempotencyKey: `e2e_${randomUUID().replace(/-/g, "")}`,
      })
      .then(
        () => "allowed",
        (err: unknown) => (err instanceof TRPCClientError ? String(err.data?.code) : String(err)),
      );
    expect(refused).toBe("FORBIDDEN");
  });
});
