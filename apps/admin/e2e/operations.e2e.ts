// The operations console in a real Chromium: a poison command (an inventory.reserve whose lines are not
// a list, written to the orders outbox as a faulty release would) is dead-lettered by the inventory
// worker at its first attempt; a manager finds it under Operations with its type, error, attempts and
// order, and discards it after confirming — then "No dead letters". Support sees the same list without
// the buttons. Needs the stack on PostgreSQL (TEST_DATABASE_URL): the poison is written to its database.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { openDatabase } from "@emporium/db";
import { launchBrowser, waitForHydration } from "@emporium/testkit/browser";
import { placePaidOrder } from "./orders-api";
import { submitSignIn } from "./sign-in";

const databaseUrl = inject("databaseUrl");

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(() => browser?.close());

/** Writes a reserve command that no worker can read into the orders outbox; the relay sends it. */
async function sendPoison(orderId: string): Promise<string> {
  const db = await openDatabase({ databaseUrl });
  const id = randomUUID();
  const envelope = {
    id,
    type: "inventory.reserve.v1",
    occurredAt: new Date().toISOString(),
    aggregateId: orderId,
    data: { orderId, lines: "not a list", paymentToken: "tok_e2esecret12345678" },
  };
  try {
    await db.sql.query(
      `INSERT INTO "orders"."outbox" (id, kind, topic, type, aggregate_id, payload)
       VALUES ($1::uuid, 'command', 'inventory.reserve', $2, $3, $4::jsonb)`,
      [id, envelope.type, orderId, JSON.stringify(envelope)],
    );
  } finally {
    await db.close();
  }
  return id;
}

async function signIn(who: "manager" | "support"): Promise<Page> {
  const page = await browser.newPage();
  await submitSignIn(page, `${who}@emporium.local`, `${who}-password`);
  await page.getByTestId("signed-in-as").waitFor();
  await page.getByRole("navigation", { name: "Admin" }).getByRole("link", { name: "Operations" }).click();
  await page.getByRole("heading", { name: "Operations", level: 1 }).waitFor();
  return page;
}

/** The dead letter's card, reloading the console until it is there. */
async function deadLetterOn(page: Page, messageId: string) {
  const card = page.getByTestId("dead-letter").filter({ hasText: messageId });
  await expect
    .poll(
      async () => {
        if ((await card.count()) > 0) return true;
        await page.reload();
        return false;
      },
      { timeout: 30_000, interval: 500 },
    )
    .toBe(true);
  return card;
}

describe.runIf(databaseUrl !== "")("operations console", () => {
  it("shows a poison command to support read-only, and a manager discards it", async () => {
    const order = await placePaidOrder(`ops-${randomUUID().slice(0, 8)}@example.com`);
    const messageId = await sendPoison(order.orderId);

    const manager = await signIn("manager");
    expect(new URL(manager.url()).pathname).toBe("/operations");
    const card = await deadLetterOn(manager, messageId);
    const text = (await card.textContent()) ?? "";
    expect(text).toContain("inventory.reserve.v1");
    expect(text).toMatch(/lines/);
    expect(text).toContain("1 attempt");
    expect(await card.getByRole("link", { name: "View order" }).getAttribute("href")).toBe(
      `/orders/${order.orderId}`,
    );
    await card.getByText("Payload (secrets redacted)").click();
    const payload = (await card.locator("pre").textContent()) ?? "";
    expect(payload).toContain("not a list");
    expect(payload).not.toContain("tok_e2esecret12345678");

    // Support reads the same dead letter, with no way to act on it.
    const support = await signIn("support");
    const seen = await deadLetterOn(support, messageId);
    expect(await seen.getByRole("button").count()).toBe(0);
    await support.getByText("Your role can look but not replay or discard.").waitFor();
    await support.close();

    // The manager discards it, confirming first; it is gone, and the console says so.
    const discard = card.getByRole("button", { name: "Discard" });
    await waitForHydration(discard);
    await discard.click();
    await card.getByText("Discard it for good?").waitFor();
    await card.getByRole("button", { name: "Yes, discard" }).click();
    await manager.getByRole("heading", { name: "No dead letters" }).waitFor();
    expect(await manager.getByTestId("dead-letter").filter({ hasText: messageId }).count()).toBe(0);
    await manager.close();
  });
});
