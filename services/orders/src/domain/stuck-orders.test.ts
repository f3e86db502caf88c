import { describe, expect, it } from "vitest";
import { afterRetry, pendingStep, retryRefusal } from "./stuck-orders";

const placedAt = "2026-12-01T10:00:00.000Z";
const order = (status: "PENDING" | "CONFIRMED" | "SHIPPED" | "DELIVERED" | "CANCELLED") => ({
  status,
  total: 4200,
  placedAt,
});
const at = "2026-12-01T10:00:01.000Z";
const limits = { placedAtMs: Date.parse(placedAt), stuckAfterMs: 15 * 60_000, hasPaymentToken: true };
const later = Date.parse(placedAt) + 20 * 60_000;

describe("the step a stuck order waits on", () => {
  it("follows the saga: reserve, authorize, ship, capture", () => {
    expect(pendingStep(order("PENDING"), {})).toMatchObject({ step: "inventory.reserve", since: placedAt });
    expect(pendingStep(order("PENDING"), { reservedAt: at, authorizeRequestedAt: at })).toEqual({
      kind: "retryable",
      step: "payment.authorize",
      since: at,
      command: { type: "payment.authorize" },
    });
    const paid = { reservedAt: at, authorizedAt: at, shipRequestedAt: at };
    expect(pendingStep(order("CONFIRMED"), paid)).toMatchObject({ step: "fulfillment.ship" });
    expect(pendingStep(order("CONFIRMED"), { ...paid, shippedAt: at, captureRequestedAt: at })).toMatchObject(
      {
        step: "payment.capture",
        command: { type: "payment.capture", amount: 4200 },
      },
    );
  });

  it("asks again for the same authorization attempt, so the provider sees the same idempotency key", () => {
    const facts = { reservedAt: at, authorizeRequestedAt: at, paymentAttempt: 2 };
    expect(pendingStep(order("PENDING"), facts)).toMatchObject({
      command: { type: "payment.authorize", attempt: 2 },
    });
  });

  it("has nothing to send for a shopper's card, the carrier, or a finished order", () => {
    const awaiting = { reservedAt: at, awaitingPayment: { at, reason: "declined" } };
    expect(pendingStep(order("PENDING"), awaiting)).toEqual({
      kind: "waiting",
      step: "shopper's card",
      since: at,
    });
    expect(pendingStep(order("SHIPPED"), { capturedAt: at })).toMatchObject({
      kind: "waiting",
      step: "delivery",
    });
    expect(pendingStep(order("CANCELLED"), { cancelledAt: at })).toEqual({ kind: "done" });
    expect(pendingStep(order("DELIVERED"), {})).toEqual({ kind: "done" });
  });
});

describe("whether staff may send the step again", () => {
  const authorize = pendingStep(order("PENDING"), { reservedAt: at, authorizeRequestedAt: at });

  it("allows a step of an order older than the threshold", () => {
    expect(retryRefusal(authorize, { ...limits, nowMs: later })).toBeNull();
  });

  it("refuses a young order, a finished one, one waiting on the shopper, or an authorization without a card", () => {
    expect(retryRefusal(authorize, { ...limits, nowMs: Date.parse(placedAt) + 60_000 })).toMatch(
      /not stuck: it was placed less than 15 minutes ago/,
    );
    expect(retryRefusal({ kind: "done" }, { ...limits, nowMs: later })).toMatch(/finished/);
    expect(
      retryRefusal({ kind: "waiting", step: "shopper's card", since: at }, { ...limits, nowMs: later }),
    ).toMatch(/shopper/);
    expect(retryRefusal(authorize, { ...limits, nowMs: later, hasPaymentToken: false })).toMatch(
      /card details .* no longer held/,
    );
  });

  it("moves only the retried step's request time on", () => {
    const facts = { reservedAt: at, authorizeRequestedAt: at };
    expect(afterRetry(facts, "payment.authorize", "2026-12-01T11:00:00.000Z")).toEqual({
      reservedAt: at,
      authorizeRequestedAt: "2026-12-01T11:00:00.000Z",
    });
  });
});
