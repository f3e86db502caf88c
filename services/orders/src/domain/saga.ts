// The order saga as a pure function: given an order's facts and one event from inventory, payments or
// fulfillment, it returns the new facts, the public status derived from them, what the shopper's
// timeline shows, and the commands (and compensations) to send next. No I/O: the orchestrator loads the
// order, calls `react`, and stores the result with its outbox in one transaction.
//
//   placed ─► inventory.reserve ─► reserved ─► payment.authorize ─► authorized = CONFIRMED
//     ─► inventory.commit + fulfillment.ship ─► shipped ─► payment.capture ─► captured = SHIPPED ─► delivered = DELIVERED
//   rejected | declined | failed | expired ─► CANCELLED (+ inventory.release / payment.refund as needed)
// An order placed from the storefront's checkout (holdForRetry) waits instead when its card is declined
// (or the provider is unreachable): still PENDING, stock still held, awaitingPayment set, its cart open
// again. The shopper's next card enters as `checkout.retry-payment` (a new authorize with the next
// attempt number); a changed cart or details as `checkout.abandon`; the reservation's expiry, or
// MAX_PAYMENT_ATTEMPTS declines, cancel it as before.
// Staff actions enter the same function as events (`staff.cancel`, `staff.refund`), so a cancellation
// or refund from the admin takes the same path, with the same compensations, as the saga's own.
import { z } from "zod";
import type { OrderStatusName } from "@emporium/contracts";

/** The staff member who asked for a restock: the inventory records the adjustment in their name. */
const staffActor = z.object({ userId: z.string(), email: z.string(), role: z.string() });
export type StaffActor = z.infer<typeof staffActor>;

export const sagaFactsSchema = z.object({
  reservedAt: z.string().optional(),
  authorizeRequestedAt: z.string().optional(),
  authorizedAt: z.string().optional(),
  committedAt: z.string().optional(),
  shipRequestedAt: z.string().optional(),
  shippedAt: z.string().optional(),
  captureRequestedAt: z.string().optional(),
  capturedAt: z.string().optional(),
  deliveredAt: z.string().optional(),
  releaseRequestedAt: z.string().optional(),
  refundRequestedAt: z.string().optional(),
  refundedAmount: z.number().int().optional(),
  /** What the provider captured (the order total unless told otherwise). */
  capturedAmount: z.number().int().optional(),
  /**
   * A staff refund sent to the payment worker and not answered yet: one at a time per order. A refund
   * by line names the units it pays back, and where they go back in stock if staff asked for that: both
   * take effect when the payment worker confirms it, so a failed refund neither uses up the lines nor
   * restocks them.
   */
  refundInFlight: z
    .object({
      amount: z.number().int(),
      requestedAt: z.string(),
      lines: z.array(z.object({ variantId: z.string(), quantity: z.number().int() })).optional(),
      restock: z
        .object({
          locationId: z.string(),
          actor: staffActor,
        })
        .optional(),
    })
    .optional(),
  /** Units refunded so far, by variant (the order's lines are one per variant). */
  refundedLines: z.record(z.string(), z.number().int()).optional(),
  cancelledAt: z.string().optional(),
  needsAttention: z.string().optional(),
  /** Placed from the storefront's checkout with this cart: a declined card waits for another one. */
  holdForRetry: z.object({ cartId: z.string() }).optional(),
  /** The authorization being (or last) asked for: 1 unless the shopper tried another card. */
  paymentAttempt: z.number().int().min(1).optional(),
  /** Declined or failed authorizations so far (only orders held for a retry count them). */
  declines: z.number().int().min(1).optional(),
  /** The last card was refused: the order waits for another one (why, as the shopper reads it). */
  awaitingPayment: z.object({ at: z.string(), reason: z.string() }).optional(),
});
export type SagaFacts = z.infer<typeof sagaFactsSchema>;

export type SagaCommand =
  | { type: "inventory.reserve" }
  | { type: "inventory.release"; reason: string }
  | { type: "inventory.commit" }
  | { type: "inventory.restock"; locationId: string; lines: RefundLine[]; actor: StaffActor }
  /** `attempt` is set from the second card on (the provider's idempotency key tells attempts apart). */
  | { type: "payment.authorize"; attempt?: number }
  | { type: "payment.capture"; amount: number }
  | { type: "payment.refund"; amount: number; reason: string }
  | { type: "fulfillment.ship" };

/** Units of one of the order's lines (by variant), as a refund names them. */
export interface RefundLine {
  variantId: string;
  quantity: number;
}

export interface TimelineNote {
  code: string;
  message: string;
}

/** The events the saga listens to, already read and validated by the orchestrator. */
export type SagaEvent =
  | { type: "inventory.reserved.v1" }
  | { type: "inventory.rejected.v1"; reason: string }
  | { type: "inventory.released.v1"; reason: string }
  | { type: "inventory.committed.v1" }
  | { type: "payment.authorized.v1" }
  | { type: "payment.declined.v1"; code: string; reason: string }
  | { type: "payment.failed.v1"; operation: "authorize" | "capture" | "refund"; reason: string }
  | { type: "payment.captured.v1"; amount: number }
  | { type: "payment.refunded.v1"; amount: number; total: number }
  | { type: "fulfillment.shipment-created.v1"; carrier: string; trackingNumber: string }
  | { type: "fulfillment.shipped.v1"; carrier: string; trackingNumber: string }
  | { type: "fulfillment.progressed.v1"; status: string }
  | { type: "fulfillment.delivered.v1" }
  // Staff actions, already authorized and checked against the order by the caller (staff-actions.ts).
  | { type: "staff.cancel"; reason: string }
  | {
      type: "staff.refund";
      amount: number;
      reason: string;
      lines?: RefundLine[];
      restock?: { locationId: string; actor: StaffActor };
    }
  // The shopper, back in checkout, pays an order awaiting payment with another card (checked by place-order.ts),
  // or leaves it for a different order from the same cart.
  | { type: "checkout.retry-payment" }
  | { type: "checkout.abandon"; reason: string };

/** Cards a shopper may try on one order before it is cancelled (a card-testing brake). */
export const MAX_PAYMENT_ATTEMPTS = 5;

/** Whether the order waits for another card (and can take one). */
export function awaitsPayment(facts: SagaFacts): boolean {
  return Boolean(facts.awaitingPayment && !facts.cancelledAt && !facts.authorizedAt);
}

export interface SagaState {
  facts: SagaFacts;
  cancelReason: string | null;
  total: number;
}

export interface SagaDecision {
  facts: SagaFacts;
  status: OrderStatusName;
  cancelReason: string | null;
  notes: TimelineNote[];
  commands: SagaCommand[];
  shipment?: { carrier: string; trackingNumber: string };
}

export function deriveStatus(facts: SagaFacts): OrderStatusName {
  if (facts.cancelledAt) return "CANCELLED";
  if (facts.deliveredAt && facts.capturedAt) return "DELIVERED";
  if (facts.shippedAt && facts.capturedAt) return "SHIPPED";
  if (facts.authorizedAt) return "CONFIRMED";
  return "PENDING";
}

const STATUS_NOTES: Record<OrderStatusName, TimelineNote> = {
  PENDING: { code: "order.pending", message: "Order received" },
  CONFIRMED: { code: "order.confirmed", message: "Order confirmed — we are packing it" },
  SHIPPED: { code: "order.shipped", message: "On its way" },
  DELIVERED: { code: "order.delivered", message: "Delivered" },
  CANCELLED: { code: "order.cancelled", message: "Order cancelled" },
};

const PROVIDER_UNREACHABLE = "We could not reach the payment provider; no money was taken. Please try again.";

function money(cents: number): string {
  return `$${(cents / 100).toFixed(2)}`;
}

export function react(state: SagaState, event: SagaEvent, now: Date): SagaDecision {
  const at = now.toISOString();
  const f: SagaFacts = { ...state.facts };
  const notes: TimelineNote[] = [];
  const commands: SagaCommand[] = [];
  let cancelReason = state.cancelReason;
  let shipment: SagaDecision["shipment"];
  const before = deriveStatus(state.facts);

  /** Cancels before money was taken, giving the stock back if any was held. */
  const cancel = (reason: string, note: TimelineNote) => {
    if (f.cancelledAt) return;
    f.cancelledAt = at;
    cancelReason = reason;
    notes.push(note);
    if (!f.releaseRequestedAt) {
      f.releaseRequestedAt = at;
      commands.push({ type: "inventory.release", reason });
    }
  };
  /** Voids or refunds an authorization that can no longer turn into a sale. */
  const refundAll = (reason: string) => {
    if (f.refundRequestedAt) return;
    f.refundRequestedAt = at;
    commands.push({ type: "payment.refund", amount: state.total, reason });
  };

  /**
   * An order held for a retry waits for another card after a refusal (its stock stays reserved),
   * unless the shopper has used up her attempts; false when the order is to be cancelled instead.
   */
  const holdForAnotherCard = (reason: string): boolean => {
    if (!f.holdForRetry) return false;
    const declines = (f.declines ?? 0) + 1;
    f.declines = declines;
    if (declines >= MAX_PAYMENT_ATTEMPTS) return false;
    f.awaitingPayment = { at, reason };
    return true;
  };

  switch (event.type) {
    case "inventory.reserved.v1":
      if (f.cancelledAt) {
        // The reservation lost a race with the cancellation: give the stock back.
        if (!f.releaseRequestedAt) {
          f.releaseRequestedAt = at;
          commands.push({ type: "inventory.release", reason: cancelReason ?? "order cancelled" });
        }
        break;
      }
      if (f.reservedAt) break;
      f.reservedAt = at;
      notes.push({ code: "stock.reserved", message: "Items reserved for you" });
      f.authorizeRequestedAt = at;
      commands.push({ type: "payment.authorize" });
      break;

    case "inventory.rejected.v1":
      if (f.cancelledAt) break;
      if (!f.authorizedAt) {
        cancel(`Out of stock: ${event.reason}`, {
          code: "stock.unavailable",
          message: `Sorry — ${event.reason}`,
        });
      } else if (!f.shipRequestedAt || !f.shippedAt) {
        // Paid, but the hold expired before it could be committed: cancel and refund in full.
        cancel(`Could not hold your items: ${event.reason}`, {
          code: "stock.lost",
          message: "Your items could not be held; the payment will be refunded",
        });
        refundAll("stock no longer held");
      }
      break;

    case "inventory.released.v1":
      if (event.reason === "expired" && !f.authorizedAt && !f.cancelledAt) {
        cancel("Reservation expired before payment completed", {
          code: "stock.expired",
          message: "Your reservation expired before payment completed",
        });
      }
      break;

    case "inventory.committed.v1":
      f.committedAt ??= at;
      break;

    case "payment.authorized.v1":
      if (f.cancelledAt) {
        refundAll("order cancelled before payment completed");
        notes.push({ code: "payment.voided", message: "Payment authorisation released" });
        break;
      }
      if (f.authorizedAt) break;
      f.authorizedAt = at;
      // Paid: nothing more to retry, and the merchant's list shows the order from now on.
      delete f.holdForRetry;
      delete f.awaitingPayment;
      notes.push({ code: "payment.authorized", message: "Payment authorised" });
      f.shipRequestedAt = at;
      commands.push({ type: "inventory.commit" }, { type: "fulfillment.ship" });
      break;

    case "payment.declined.v1":
      if (f.authorizedAt || f.cancelledAt || f.awaitingPayment) break;
      if (holdForAnotherCard(`Payment declined — ${event.reason}`)) {
        notes.push({ code: "payment.declined", message: `Payment declined — ${event.reason}` });
        break;
      }
      cancel(`Payment declined: ${event.reason}`, {
        code: "payment.declined",
        message: `Payment declined — ${event.reason}`,
      });
      break;

    case "payment.failed.v1":
      if (event.operation === "refund") {
        // Settled (unsuccessfully): staff may ask for the refund again.
        delete f.refundInFlight;
      }
      if (event.operation === "authorize") {
        if (f.authorizedAt || f.cancelledAt || f.awaitingPayment) break;
        if (holdForAnotherCard(PROVIDER_UNREACHABLE)) {
          notes.push({ code: "payment.unavailable", message: PROVIDER_UNREACHABLE });
          break;
        }
        cancel(`Payment could not be processed: ${event.reason}`, {
          code: "payment.unavailable",
          message: PROVIDER_UNREACHABLE,
        });
      } else {
        f.needsAttention = `${event.operation} failed: ${event.reason}`;
        notes.push({
          code: `payment.${event.operation}-failed`,
          message: `Payment ${event.operation} failed; our team has been alerted`,
        });
      }
      break;

    case "fulfillment.shipment-created.v1":
      shipment = { carrier: event.carrier, trackingNumber: event.trackingNumber };
      notes.push({
        code: "fulfillment.label",
        message: `Packed — ${event.carrier} label ${event.trackingNumber}`,
      });
      break;

    case "fulfillment.shipped.v1":
      if (f.shippedAt) break;
      f.shippedAt = at;
      shipment = { carrier: event.carrier, trackingNumber: event.trackingNumber };
      notes.push({
        code: "fulfillment.shipped",
        message: `Handed to ${event.carrier} (tracking ${event.trackingNumber})`,
      });
      // No cancel command reaches fulfillment yet: a parcel handed over after a cancellation is for staff.
      if (f.cancelledAt) f.needsAttention = "handed to the carrier after the order was cancelled";
      if (!f.captureRequestedAt && !f.cancelledAt) {
        f.captureRequestedAt = at;
        commands.push({ type: "payment.capture", amount: state.total });
      }
      break;

    case "payment.captured.v1":
      if (f.capturedAt) break;
      f.capturedAt = at;
      f.capturedAmount = event.amount;
      notes.push({ code: "payment.captured", message: `Payment of ${money(event.amount)} taken` });
      break;

    case "payment.refunded.v1": {
      const settled = f.refundInFlight;
      f.refundedAmount = event.total;
      delete f.refundInFlight;
      notes.push({ code: "payment.refunded", message: `Refunded ${money(event.amount)}` });
      if (settled?.lines) {
        const refundedLines = { ...f.refundedLines };
        for (const l of settled.lines)
          refundedLines[l.variantId] = (refundedLines[l.variantId] ?? 0) + l.quantity;
        f.refundedLines = refundedLines;
        if (settled.restock) {
          const units = settled.lines.reduce((n, l) => n + l.quantity, 0);
          commands.push({ type: "inventory.restock", ...settled.restock, lines: settled.lines });
          notes.push({
            code: "stock.restocked",
            message: `${units} refunded ${units === 1 ? "item" : "items"} going back in stock`,
          });
        }
      }
      break;
    }

    case "fulfillment.progressed.v1":
      if (event.status === "OUT_FOR_DELIVERY")
        notes.push({ code: "fulfillment.out-for-delivery", message: "Out for delivery" });
      break;

    case "fulfillment.delivered.v1":
      f.deliveredAt ??= at;
      break;

    case "staff.cancel":
      if (f.cancelledAt || f.shippedAt) break;
      f.cancelledAt = at;
      cancelReason = event.reason;
      notes.push({ code: "staff.cancelled", message: `Cancelled by the shop — ${event.reason}` });
      // Held stock goes back now; a reservation still on its way is released when it arrives (above).
      if (f.reservedAt && !f.releaseRequestedAt) {
        f.releaseRequestedAt = at;
        commands.push({ type: "inventory.release", reason: event.reason });
      }
      // An authorization is voided; one still being asked for is voided when it arrives (above).
      if (f.authorizedAt) refundAll(`order cancelled by the shop: ${event.reason}`);
      break;

    case "checkout.retry-payment": {
      if (!awaitsPayment(f)) break;
      const attempt = (f.paymentAttempt ?? 1) + 1;
      delete f.awaitingPayment;
      f.paymentAttempt = attempt;
      f.authorizeRequestedAt = at;
      notes.push({ code: "payment.retry", message: "Trying another card" });
      commands.push({ type: "payment.authorize", attempt });
      break;
    }

    case "checkout.abandon":
      if (f.authorizedAt || f.cancelledAt) break;
      delete f.awaitingPayment;
      cancel(event.reason, { code: "checkout.abandoned", message: "Replaced by a new checkout" });
      break;

    case "staff.refund":
      f.refundInFlight = {
        amount: event.amount,
        requestedAt: at,
        ...(event.lines ? { lines: event.lines } : {}),
        ...(event.lines && event.restock ? { restock: event.restock } : {}),
      };
      notes.push({ code: "staff.refund-requested", message: `Refund of ${money(event.amount)} requested` });
      commands.push({ type: "payment.refund", amount: event.amount, reason: event.reason });
      break;
  }

  const status = deriveStatus(f);
  if (status !== before) notes.push(STATUS_NOTES[status]);
  return { facts: f, status, cancelReason, notes, commands, ...(shipment ? { shipment } : {}) };
}
