// Which saga step an unfinished order is waiting on, and whether staff may send that step's command again.
// Pure rules over an order's status and facts. Every command a retry may send is answered once per order
// by its worker, whatever the message id: inventory keeps one reservation per order, fulfillment one
// shipment per order, and payment sends the provider the same idempotency key for the same order and
// attempt (authorize:<order>[:<attempt>], capture:<order>) — so a retry never reserves, ships or charges
// twice; at worst it is answered again with what was done the first time.
import type { OrderStatusName } from "@emporium/contracts";
import type { SagaCommand, SagaFacts } from "./saga";

export type RetryableStep =
  "inventory.reserve" | "payment.authorize" | "fulfillment.ship" | "payment.capture";

export type PendingStep =
  | { kind: "retryable"; step: RetryableStep; since: string | null; command: SagaCommand }
  /** Waiting on a person or on the carrier: nothing the shop can send again. */
  | { kind: "waiting"; step: "shopper's card" | "delivery"; since: string | null }
  | { kind: "done" };

/** The step the order waits on, from its facts (as stored), status, total and when it was placed. */
export function pendingStep(
  order: { status: OrderStatusName; total: number; placedAt: string },
  f: SagaFacts,
): PendingStep {
  const { status, placedAt } = order;
  if (status === "CANCELLED" || status === "DELIVERED" || f.cancelledAt) return { kind: "done" };
  if (status === "SHIPPED") return { kind: "waiting", step: "delivery", since: f.capturedAt ?? null };
  if (!f.reservedAt)
    return {
      kind: "retryable",
      step: "inventory.reserve",
      since: placedAt,
      command: { type: "inventory.reserve" },
    };
  if (!f.authorizedAt) {
    if (f.awaitingPayment) return { kind: "waiting", step: "shopper's card", since: f.awaitingPayment.at };
    const attempt = f.paymentAttempt ?? 1;
    return {
      kind: "retryable",
      step: "payment.authorize",
      since: f.authorizeRequestedAt ?? null,
      // The same attempt number as the first request: the provider sees the same idempotency key.
      command: attempt > 1 ? { type: "payment.authorize", attempt } : { type: "payment.authorize" },
    };
  }
  if (!f.shippedAt)
    return {
      kind: "retryable",
      step: "fulfillment.ship",
      since: f.shipRequestedAt ?? null,
      command: { type: "fulfillment.ship" },
    };
  if (!f.capturedAt)
    return {
      kind: "retryable",
      step: "payment.capture",
      since: f.captureRequestedAt ?? null,
      command: { type: "payment.capture", amount: order.total },
    };
  return { kind: "waiting", step: "delivery", since: f.capturedAt };
}

/** The facts after staff sent `step` again now: its request time moves on, nothing else changes. */
export function afterRetry(f: SagaFacts, step: RetryableStep, at: string): SagaFacts {
  switch (step) {
    case "inventory.reserve":
      return f;
    case "payment.authorize":
      return { ...f, authorizeRequestedAt: at };
    case "fulfillment.ship":
      return { ...f, shipRequestedAt: at };
    case "payment.capture":
      return { ...f, captureRequestedAt: at };
  }
}

/** Why staff may not send the order's step again now; null when they may. */
export function retryRefusal(
  step: PendingStep,
  o: { placedAtMs: number; nowMs: number; stuckAfterMs: number; hasPaymentToken: boolean },
): string | null {
  if (step.kind === "done") return "This order is finished; it has no step to try again";
  if (step.kind === "waiting")
    return step.step === "delivery"
      ? "This order is with the carrier; there is no step to try again"
      : "This order is waiting for the shopper to try another card; there is no step to try again";
  const minutes = Math.round(o.stuckAfterMs / 60_000);
  if (o.nowMs - o.placedAtMs < o.stuckAfterMs)
    return `This order is not stuck: it was placed less than ${minutes} minutes ago`;
  if (step.step === "payment.authorize" && !o.hasPaymentToken)
    return "The card details for this order are no longer held, so its authorization cannot be sent again";
  return null;
}
