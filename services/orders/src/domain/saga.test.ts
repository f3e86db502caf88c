import { describe, expect, it } from "vitest";
import { deriveStatus, react, type SagaEvent, type SagaState } from "./saga";

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
