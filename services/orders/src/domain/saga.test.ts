import { describe, expect, it } from "vitest";
import { deriveStatus, MAX_PAYMENT_ATTEMPTS, react, type SagaEvent, type SagaState } from "./saga";

const now = new Date("2026-11-25T10:00:00Z");
const start: SagaState = { facts: {}, cancelReason: null, total: 4498 };

function run(events: SagaEvent[], state: SagaState = start) {
  let s = state;
  const all = [];
  for (const e of events) {
    const d = react(s, e, now);
    all.push(d);
    s = { ...s, facts: d.facts, cancelReason: d.cancelReason };
  }
  return { last: all[all.length - 1], all, state: s };
}

describe("order saga", () => {
  it("walks the happy path to DELIVERED, sending each next command once", () => {
    const { all, last } = run([
      { type: "inventory.reserved.v1" },
      { type: "payment.authorized.v1" },
      { type: "inventory.committed.v1" },
      { type: "fulfillment.shipment-created.v1", carrier: "DHL", trackingNumber: "T1" },
      { type: "fulfillment.shipped.v1", carrier: "DHL", trackingNumber: "T1" },
      { type: "payment.captured.v1", amount: 4498 },
      { type: "fulfillment.delivered.v1" },
    ]);
    expect(all.map((d) => d.status)).toEqual([
      "PENDING",
      "CONFIRMED",
      "CONFIRMED",
      "CONFIRMED",
      "CONFIRMED",
      "SHIPPED",
      "DELIVERED",
    ]);
    expect(all.flatMap((d) => d.commands.map((c) => c.type))).toEqual([
      "payment.authorize",
      "inventory.commit",
      "fulfillment.ship",
      "payment.capture",
    ]);
    expect(last?.notes.map((n) => n.code)).toEqual(["order.delivered"]);
  });

  it("ignores repeated events", () => {
    const { all } = run([
      { type: "inventory.reserved.v1" },
      { type: "inventory.reserved.v1" },
      { type: "payment.authorized.v1" },
      { type: "payment.authorized.v1" },
    ]);
    expect(all.map((d) => d.commands.length)).toEqual([1, 0, 2, 0]);
  });

  it("reaches DELIVERED whichever of capture and delivery arrives first", () => {
    const { last } = run([
      { type: "inventory.reserved.v1" },
      { type: "payment.authorized.v1" },
      { type: "fulfillment.shipped.v1", carrier: "DHL", trackingNumber: "T1" },
      { type: "fulfillment.delivered.v1" },
      { type: "payment.captured.v1", amount: 4498 },
    ]);
    expect(last?.status).toBe("DELIVERED");
  });

  it("cancels on a stock rejection without touching payment", () => {
    const { last } = run([{ type: "inventory.rejected.v1", reason: "TEE-M is out of stock" }]);
    expect(last?.status).toBe("CANCELLED");
    expect(last?.cancelReason).toBe("Out of stock: TEE-M is out of stock");
    expect(last?.commands).toEqual([
      { type: "inventory.release", reason: "Out of stock: TEE-M is out of stock" },
    ]);
  });

  it("gives the stock back when the payment is declined", () => {
    const { last } = run([
      { type: "inventory.reserved.v1" },
      { type: "payment.declined.v1", code: "insufficient_funds", reason: "insufficient funds" },
    ]);
    expect(last?.status).toBe("CANCELLED");
    expect(last?.commands).toEqual([
      { type: "inventory.release", reason: "Payment declined: insufficient funds" },
    ]);
    expect(last?.notes[0]?.message).toMatch(/insufficient funds/);
  });

  it("cancels clearly when the payment provider cannot be reached", () => {
    const { last } = run([
      { type: "inventory.reserved.v1" },
      { type: "payment.failed.v1", operation: "authorize", reason: "provider unavailable" },
    ]);
    expect(last?.status).toBe("CANCELLED");
    expect(last?.notes[0]?.message).toMatch(/no money was taken/);
  });

  it("compensates a payment that arrives after the order was cancelled", () => {
    const { last } = run([
      { type: "inventory.reserved.v1" },
      { type: "inventory.released.v1", reason: "expired" },
      { type: "payment.authorized.v1" },
    ]);
    expect(last?.status).toBe("CANCELLED");
    expect(last?.commands).toEqual([
      { type: "payment.refund", amount: 4498, reason: "order cancelled before payment completed" },
    ]);
  });

  it("refunds a paid order whose stock hold was lost before commit", () => {
    const { last } = run([
      { type: "inventory.reserved.v1" },
      { type: "payment.authorized.v1" },
      { type: "inventory.rejected.v1", reason: "reservation expired" },
    ]);
    expect(last?.status).toBe("CANCELLED");
    expect(last?.commands.map((c) => c.type)).toEqual(["inventory.release", "payment.refund"]);
  });

  it("releases a reservation that arrives after the cancellation", () => {
    const { last } = run([
      { type: "payment.failed.v1", operation: "authorize", reason: "x" },
      { type: "inventory.reserved.v1" },
    ]);
    expect(last?.status).toBe("CANCELLED");
    expect(last?.commands).toEqual([]);
    expect(deriveStatus({ cancelledAt: "x", capturedAt: "y" })).toBe("CANCELLED");
  });
});

describe("an order held for another card (placed from the storefront's checkout)", () => {
  const held: SagaState = { facts: { holdForRetry: { cartId: "cart-1" } }, cancelReason: null, total: 4498 };
  const declined: SagaEvent = {
    type: "payment.declined.v1",
    code: "card_declined",
    reason: "the card was declined",
  };

  it("waits for another card after a decline, keeping the stock, then pays with the next attempt", () => {
    const { all, state } = run(
      [
        { type: "inventory.reserved.v1" },
        declined,
        { type: "checkout.retry-payment" },
        { type: "payment.authorized.v1" },
      ],
      held,
    );
    expect(all.map((d) => d.status)).toEqual(["PENDING", "PENDING", "PENDING", "CONFIRMED"]);
    const [, onDecline, onRetry] = all;
    // No release and no cancellation: the items stay held while the shopper finds another card.
    expect(onDecline?.commands).toEqual([]);
    expect(onDecline?.facts.awaitingPayment?.reason).toBe("Payment declined — the card was declined");
    expect(onDecline?.notes.map((n) => n.message)).toEqual(["Payment declined — the card was declined"]);
    expect(onRetry?.commands).toEqual([{ type: "payment.authorize", attempt: 2 }]);
    expect(state.facts.awaitingPayment).toBeUndefined();
    expect(state.facts.declines).toBe(1);
  });

  it("waits the same way when the provider could not be reached", () => {
    const { last } = run(
      [
        { type: "inventory.reserved.v1" },
        { type: "payment.failed.v1", operation: "authorize", reason: "timeout" },
      ],
      held,
    );
    expect(last?.status).toBe("PENDING");
    expect(last?.facts.awaitingPayment?.reason).toMatch(/could not reach the payment provider/);
  });

  it("ignores a repeated decline and a retry while no card is awaited", () => {
    const { all } = run(
      [{ type: "inventory.reserved.v1" }, { type: "checkout.retry-payment" }, declined, declined],
      held,
    );
    expect(all.map((d) => [d.status, d.commands.length])).toEqual([
      ["PENDING", 1],
      ["PENDING", 0],
      ["PENDING", 0],
      ["PENDING", 0],
    ]);
  });

  it("cancels and releases the stock when the hold expires while a card is awaited", () => {
    const { last } = run(
      [{ type: "inventory.reserved.v1" }, declined, { type: "inventory.released.v1", reason: "expired" }],
      held,
    );
    expect(last?.status).toBe("CANCELLED");
    expect(last?.commands).toEqual([
      { type: "inventory.release", reason: "Reservation expired before payment completed" },
    ]);
  });

  it("cancels and releases the stock when the shopper leaves it for a new checkout", () => {
    const { last } = run(
      [{ type: "inventory.reserved.v1" }, declined, { type: "checkout.abandon", reason: "the cart changed" }],
      held,
    );
    expect(last?.status).toBe("CANCELLED");
    expect(last?.commands).toEqual([{ type: "inventory.release", reason: "the cart changed" }]);
    expect(last?.facts.awaitingPayment).toBeUndefined();
  });

  it(`cancels at the ${MAX_PAYMENT_ATTEMPTS}th refused card`, () => {
    const events: SagaEvent[] = [{ type: "inventory.reserved.v1" }];
    for (let i = 1; i < MAX_PAYMENT_ATTEMPTS; i++) events.push(declined, { type: "checkout.retry-payment" });
    events.push(declined);
    const { all, last } = run(events, held);
    expect(all.filter((d) => d.commands.some((c) => c.type === "payment.authorize"))).toHaveLength(
      MAX_PAYMENT_ATTEMPTS,
    );
    expect(last?.status).toBe("CANCELLED");
    expect(last?.cancelReason).toBe("Payment declined: the card was declined");
  });

  it("an order not held (placed through the API) is still cancelled at the first decline", () => {
    const { last } = run([{ type: "inventory.reserved.v1" }, declined]);
    expect(last?.status).toBe("CANCELLED");
  });
});
