// What staff may still do to an order, and where its money stands: pure rules over the saga's facts.
// The admin procedures check these under the order's row lock, then hand the action to the saga; what
// each action changed is recorded for the audit log in the order's own terms.
import type { AuditRecord, OrderStatusName } from "@emporium/contracts";
import type { OrderLine } from "./order";
import type { RefundLine, SagaFacts } from "./saga";

export type PaymentState =
  "none" | "pending" | "authorized" | "voided" | "captured" | "partially_refunded" | "refunded";

export interface PaymentSummary {
  state: PaymentState;
  /** Minor units taken by the provider (0 until captured). */
  captured: number;
  /** Minor units given back so far, as confirmed by the payment worker. */
  refunded: number;
  /** A refund asked for and not answered yet (0 when none). */
  refundPending: number;
  /** What may still be refunded now: captured − refunded − pending. */
  refundable: number;
}

export function paymentSummary(facts: SagaFacts, total: number): PaymentSummary {
  const captured = facts.capturedAt ? (facts.capturedAmount ?? total) : 0;
  const refunded = facts.refundedAmount ?? 0;
  const refundPending = facts.refundInFlight?.amount ?? 0;
  const refundable = Math.max(0, captured - refunded - refundPending);
  let state: PaymentState = "none";
  if (facts.capturedAt)
    state = refunded >= captured ? "refunded" : refunded > 0 ? "partially_refunded" : "captured";
  else if (facts.authorizedAt) state = facts.refundRequestedAt ? "voided" : "authorized";
  else if (facts.authorizeRequestedAt) state = facts.cancelledAt ? "none" : "pending";
  return { state, captured, refunded, refundPending, refundable };
}

/** Why the order can no longer be cancelled, or null when it can. */
export function cancelRefusal(facts: SagaFacts): string | null {
  if (facts.cancelledAt) return "This order is already cancelled";
  if (facts.shippedAt)
    return "This order has been handed to the carrier and can no longer be cancelled; refund it instead";
  return null;
}

export type RefundRefusal = { kind: "conflict"; message: string } | { kind: "amount"; message: string };

function money(cents: number): string {
  return `$${(cents / 100).toFixed(2)}`;
}

/** Why `amount` cannot be refunded now, or null when it can. */
export function refundRefusal(facts: SagaFacts, total: number, amount: number): RefundRefusal | null {
  if (!facts.capturedAt)
    return {
      kind: "conflict",
      message: facts.cancelledAt
        ? "Nothing was charged for this cancelled order, so there is nothing to refund"
        : "Nothing has been charged for this order yet; cancel it instead to release the payment",
    };
  if (facts.refundInFlight)
    return {
      kind: "conflict",
      message: `A refund of ${money(facts.refundInFlight.amount)} is still being processed; try again when it has finished`,
    };
  const p = paymentSummary(facts, total);
  if (p.refundable === 0)
    return { kind: "conflict", message: "This order has been refunded in full; nothing is left to refund" };
  if (amount > p.refundable)
    return {
      kind: "amount",
      message: `at most ${money(p.refundable)} can be refunded (${money(p.captured)} charged, ${money(p.refunded)} already refunded)`,
    };
  return null;
}

/** Units of each line (by variant) that may still be refunded: ordered, less those refunded. */
export function refundableUnits(
  lines: readonly Pick<OrderLine, "variantId" | "quantity">[],
  facts: SagaFacts,
) {
  return new Map(
    lines.map((l) => [l.variantId, Math.max(0, l.quantity - (facts.refundedLines?.[l.variantId] ?? 0))]),
  );
}

export type LineRefundPlan =
  { ok: true; amount: number; lines: RefundLine[] } | { ok: false; field: string; message: string };

/**
 * What a refund of these units pays back: each unit at the price it was sold for, never more units of
 * a line than are left to refund, and in all never more than the payment still holds (captured less
 * refunded: a refund by amount may have paid part of it back already).
 */
export function planLineRefund(
  lines: readonly Pick<OrderLine, "variantId" | "sku" | "quantity" | "unitPrice">[],
  facts: SagaFacts,
  total: number,
  requested: readonly RefundLine[],
): LineRefundPlan {
  const left = refundableUnits(lines, facts);
  let amount = 0;
  const seen = new Set<string>();
  for (const [i, r] of requested.entries()) {
    const field = `lines.${i}`;
    const line = lines.find((l) => l.variantId === r.variantId);
    if (!line) return { ok: false, field: `${field}.variantId`, message: "this order has no such line" };
    if (seen.has(r.variantId))
      return {
        ok: false,
        field: `${field}.variantId`,
        message: `${line.sku} is named twice; name each line once`,
      };
    seen.add(r.variantId);
    const remaining = left.get(r.variantId) ?? 0;
    if (remaining === 0)
      return {
        ok: false,
        field: `${field}.quantity`,
        message: `every unit of ${line.sku} has been refunded already`,
      };
    if (r.quantity > remaining)
      return {
        ok: false,
        field: `${field}.quantity`,
        message: `at most ${remaining} of ${line.sku} can be refunded (${line.quantity} ordered, ${line.quantity - remaining} refunded)`,
      };
    amount += line.unitPrice * r.quantity;
  }
  const { refundable } = paymentSummary(facts, total);
  return { ok: true, amount: Math.min(amount, refundable), lines: requested.map((r) => ({ ...r })) };
}

/** An order as an audit record names it: its id, and the number people call it by. */
export interface AuditedOrder {
  id: string;
  number: string;
  status: OrderStatusName;
  cancelReason: string | null;
  total: number;
}

function orderTarget(order: AuditedOrder): AuditRecord["target"] {
  return { type: "order", id: order.id, label: order.number };
}

/** A staff cancellation: the status and cancel reason as they were and as the saga set them. */
export function cancelAuditRecord(
  order: AuditedOrder,
  after: { status: OrderStatusName; cancelReason: string | null },
  reason: string,
): AuditRecord {
  return {
    action: "order.cancelled",
    target: orderTarget(order),
    before: { status: order.status, cancelReason: order.cancelReason },
    after: { status: after.status, cancelReason: after.cancelReason },
    reason,
  };
}

/**
 * A staff refund, in cents: the amount sent to the payment worker, and the order's refunded total
 * (confirmed and pending) before it and with it.
 */
export function refundAuditRecord(
  order: AuditedOrder & { lines?: readonly Pick<OrderLine, "variantId" | "sku">[] },
  facts: SagaFacts,
  amount: number,
  reason: string,
  byLine?: { lines: readonly RefundLine[]; restockAt: string | null },
): AuditRecord {
  const p = paymentSummary(facts, order.total);
  const refundedBefore = p.refunded + p.refundPending;
  const skuOf = (variantId: string) => order.lines?.find((l) => l.variantId === variantId)?.sku ?? variantId;
  return {
    action: "order.refunded",
    target: orderTarget(order),
    before: { refundAmount: null, refundedTotal: refundedBefore },
    after: {
      refundAmount: amount,
      refundedTotal: refundedBefore + amount,
      // "2 × TEE-NAVY-M", and the location the units go back to, when the refund named lines.
      ...(byLine
        ? {
            refundLines: byLine.lines.map((l) => `${l.quantity} × ${skuOf(l.variantId)}`),
            restockLocationId: byLine.restockAt,
          }
        : {}),
    },
    reason,
  };
}
