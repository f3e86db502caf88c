// The operations console in a real Chromium: a poison command (an inventory.reserve whose lines are not
// a list, written to the orders outbox as a faulty release would) is dead-lettered by the inventory
// worker at its first attempt; a manager finds it under Operations with its type, error, attempts and
// order, and discards it after confirming — then "No dead letters". Support sees the same list without
// the buttons. Needs the stack on PostgreSQL (TEST_DATABASE_URL): the poison is written to its database.
// Then the console's other panels: every process with its health (the backends ready, with what they
// checked; the payment provider; the workers inside the development host not watched), and an order
// stuck while the provider's captures are down — listed with the step it waits on (the stack counts
// every unfinished order as stuck at once), no button for support, "Retry step" for a manager once the
// provider is back; the order completes, and the provider saw exactly one capture for it.
// Last, a command that failed because its dependency was down: the stack's payment worker gives up on a
// capture after three deliveries (PAYMENT_RETRY_DELAYS_MS 200,500), so with captures down an order's
// payment.capture is dead-lettered within seconds; a manager finds it, the provider comes back, the
// manager replays it and the order is delivered, charged once. Replaying it again changes nothing.
// After an outage each test waits until checkout takes payments again (the payment worker's breaker
// closes only after its reset time), as a shopper or an operator would.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Browser, Locator, Page } from "playwright-core";
import { openDatabase } from "@emporium/db";
import { launchBrowser, waitForHydration } from "@emporium/testkit/browser";
import { TRPCClientError } from "@trpc/client";
import { placeOrder, placePaidOrder, staffOrders, untilPaymentsAvailable } from "./orders-api";
import { submitSignIn } from "./sign-in";

const databaseUrl = inject("databaseUrl");
const pspUrl = inject("pspUrl");

const CAPTURES_DOWN = { failureRate: 1, failureStatus: 503, failureOperations: ["capture"] };
const PROVIDER_BACK = { failureRate: 0, failureOperations: [] };

/** Steers the payment provider simulator's injected failures (see services/psp/README.md). */
async function pspControl(patch: Record<string, unknown>): Promise<void> {
  const response = await fetch(`${pspUrl}/_control`, {
    method: "PUT",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(patch),
  });
  expect(response.status).toBe(200);
}

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

/** The first element `find` names on the console that holds `text`, reloading the console until there is one. */
async function reloadUntil(page: Page, find: (page: Page) => Locator, text: string) {
  const card = find(page).filter({ hasText: text });
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

const deadLetterOn = (page: Page, messageId: string) =>
  reloadUntil(page, (p) => p.getByTestId("dead-letter"), messageId);

/** Presses `button` on `scope`, then `confirm` once `question` is asked. */
async function pressConfirmed(scope: Locator, button: string, question: string, confirm: string) {
  const first = scope.getByRole("button", { name: button });
  await waitForHydration(first);
  await first.click();
  await scope.getByText(question).waitFor();
  await scope.getByRole("button", { name: confirm }).click();
}

/** The provider answers captures again, and checkout takes payments again (the worker's breaker closed). */
async function providerBack(): Promise<void> {
  await pspControl(PROVIDER_BACK);
  await untilPaymentsAvailable();
}

/** The order's payment.capture once it is dead-lettered, as the console's API lists it. */
async function deadCaptureOf(orderId: string) {
  const find = async () => {
    const queues = await staffOrders("manager").admin.ops.deadLetters.query({ limit: 100 });
    const letters = queues.find((q) => q.queue === "payment.capture")?.letters ?? [];
    return letters.find((l) => l.orderId === orderId) ?? null;
  };
  await expect.poll(find, { timeout: 30_000, interval: 250 }).not.toBeNull();
  const letter = await find();
  if (!letter) throw new Error(`the capture of order ${orderId} is no dead letter`);
  return letter;
}

const orderStatus = async (orderId: string) =>
  (await staffOrders("manager").admin.orders.get.query({ orderId })).status;

const providerStats = async (orderId: string): Promise<unknown> =>
  (await fetch(`${pspUrl}/_stats?reference=${orderId}`)).json();

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
    await support.getByText("Your role can look but not retry, replay or discard.").waitFor();
    await support.close();

    // The manager discards it, confirming first; it is gone, and the console says so.
    await pressConfirmed(card, "Discard", "Discard it for good?", "Yes, discard");
    await manager.getByRole("heading", { name: "No dead letters" }).waitFor();
    expect(await manager.getByTestId("dead-letter").filter({ hasText: messageId }).count()).toBe(0);
    await manager.close();
  });

  it("shows each process's health, and a manager retries an order stuck while captures were down", async () => {
    await untilPaymentsAvailable();
    await pspControl(CAPTURES_DOWN);
    try {
      const placed = await placeOrder(`stuck-${randomUUID().slice(0, 8)}@example.com`);
      const { number } = await staffOrders("manager").admin.orders.get.query({ orderId: placed.orderId });

      const manager = await signIn("manager");
      const processes = manager.getByRole("table", { name: "Processes" });
      const rowOf = (name: string) =>
        processes.getByTestId("process").filter({ has: manager.getByRole("cell", { name, exact: true }) });
      for (const name of ["catalog", "orders", "identity", "inventory"])
        expect(await rowOf(name).textContent()).toMatch(/ready.*Checked database/);
      for (const name of ["reviews", "audit"])
        expect(await rowOf(name).textContent()).toMatch(/ready.*Checked document store/);
      expect(await rowOf("psp").textContent()).toContain("ready");
      expect(await rowOf("payment").textContent()).toContain("Not watched here: set PAYMENT_OPS_URL");

      // Shipped, its capture refused by the provider until the worker gave up on it (dead-lettered):
      // it waits on payment.capture.
      const stuckRow = (page: Page) => page.getByTestId("stuck-order").filter({ hasText: "payment.capture" });
      await reloadUntil(manager, stuckRow, number);
      const deadCapture = await deadCaptureOf(placed.orderId);

      const support = await signIn("support");
      const seen = await reloadUntil(support, (p) => p.getByTestId("stuck-order"), number);
      expect(await seen.getByRole("button").count()).toBe(0);
      await support.close();

      // The provider is back: a manager sends the capture again, and the order completes, charged once.
      await providerBack();
      const row = await reloadUntil(manager, stuckRow, number);
      await pressConfirmed(row, "Retry step", "Send payment.capture again?", "Yes, retry");
      // Sent: the row says so, or is gone already — the provider is up, so the order may be paid for
      // before the console is drawn again (a refusal would stay on the row, in place of the message).
      await expect
        .poll(
          async () =>
            (await manager.getByText("Sent payment.capture again").count()) > 0 ||
            (await stuckRow(manager).filter({ hasText: number }).count()) === 0,
          { timeout: 30_000, interval: 250 },
        )
        .toBe(true);

      await expect
        .poll(() => orderStatus(placed.orderId), { timeout: 90_000, interval: 500 })
        .toBe("DELIVERED");
      expect(await providerStats(placed.orderId)).toMatchObject({ authorizations: 1, captures: 1 });
      await manager.reload();
      await manager.getByRole("heading", { name: "Stuck orders" }).waitFor();
      expect(await manager.getByTestId("stuck-order").filter({ hasText: number }).count()).toBe(0);
      await manager.close();

      // Completed by the retried step: its first capture is still dead-lettered, and not needed any more.
      expect(await deadCaptureOf(placed.orderId)).toMatchObject({ messageId: deadCapture.messageId });
      await staffOrders("manager").admin.ops.discard.mutate({
        queue: "payment.capture",
        messageId: deadCapture.messageId,
      });
    } finally {
      await pspControl(PROVIDER_BACK);
    }
  }, 180_000);

  it("replays a capture dead-lettered while the provider was down, once it is back, and the order completes", async () => {
    await untilPaymentsAvailable();
    await pspControl(CAPTURES_DOWN);
    try {
      const placed = await placeOrder(`replay-${randomUUID().slice(0, 8)}@example.com`);
      const { messageId } = await deadCaptureOf(placed.orderId);

      const manager = await signIn("manager");
      const card = await deadLetterOn(manager, messageId);
      const text = (await card.textContent()) ?? "";
      expect(text).toContain("payment.capture.v1");
      expect(text).toMatch(/gave up after 3 attempts: TransientProviderError: .*answered 503/);
      expect(text).toContain("3 attempts");
      expect(await card.getByRole("link", { name: "View order" }).getAttribute("href")).toBe(
        `/orders/${placed.orderId}`,
      );
      // Shipped but not paid for: it waits on its capture.
      expect(await orderStatus(placed.orderId)).not.toBe("DELIVERED");
      expect(await providerStats(placed.orderId)).toMatchObject({ captures: 0 });

      // The provider is back; the manager replays the capture, confirming first.
      await providerBack();
      await pressConfirmed(card, "Replay", "Send it back to its queue to be tried again?", "Yes, replay");

      await expect
        .poll(() => orderStatus(placed.orderId), { timeout: 90_000, interval: 500 })
        .toBe("DELIVERED");
      expect(await providerStats(placed.orderId)).toMatchObject({ authorizations: 1, captures: 1 });
      await manager.reload();
      await manager.getByRole("heading", { name: "Operations", level: 1 }).waitFor();
      expect(await manager.getByTestId("dead-letter").filter({ hasText: messageId }).count()).toBe(0);
      await manager.close();

      // Replaying the same message again is refused, and changes nothing.
      const again = await staffOrders("manager")
        .admin.ops.replay.mutate({ queue: "payment.capture", messageId })
        .then(
          () => null,
          (err: unknown) => err,
        );
      expect(again).toBeInstanceOf(TRPCClientError);
      expect(again).toMatchObject({ data: { code: "NOT_FOUND", httpStatus: 404 } });
      expect((again as Error).message).toContain("replayed or discarded already (nothing was changed)");
      expect(await orderStatus(placed.orderId)).toBe("DELIVERED");
      expect(await providerStats(placed.orderId)).toMatchObject({ authorizations: 1, captures: 1 });
    } finally {
      await pspControl(PROVIDER_BACK);
    }
  }, 180_000);
});
