// The saga's steps: for each event about an order (read off the wire by consumers/saga-events.ts) it
// reads the order, asks the pure saga what follows, and writes the new facts and status, timeline
// entries, the resulting commands and the status-change event (through the outbox) together with the
// event's id — one statement, applied only to the version of the order it read, so a redelivered event changes nothing and two events about one
// order never overwrite each other. Staff actions (cancel, refund) take the same decision and writer
// under the order's row lock, so they compensate and notify exactly as events do, and write their
// audit event with the same step.
import { randomUUID } from "node:crypto";
import type { AuditRecord, AuditScope, OrderStatusName } from "@emporium/contracts";
import { auditMessage } from "@emporium/messaging";
import { react, sagaFactsSchema, type SagaEvent, type SagaFacts } from "../domain/saga";
import { cancelReasonOf, stepLatency, type CancelReason, type StepLatency } from "../domain/saga-measures";
import { commandMessage, statusChangedMessage } from "./outbox-messages";
import type { SagaOrder, SagaStep, SagaStore, StaffActionSession } from "../ports/saga-store";

export interface ApplyOptions {
  now: Date;
  reservationTtlMs: number;
  traceparent?: string | undefined;
}

/** What an applied step tells the metrics (see domain/saga-measures.ts). */
export interface StepMeasures {
  /** The command the event answered and how long it took, from its stored send time. */
  latency: StepLatency | null;
  /** Set on the step that confirmed the order: the time since it was placed. */
  placedToConfirmedSeconds: number | null;
  /** Set on the step that confirmed the order: its total (minor units) and currency. */
  confirmedTotal: { minor: number; currency: string } | null;
  /** Set on the step that cancelled the order. */
  cancelReason: CancelReason | null;
}

export type Applied =
  | { kind: "applied"; from: OrderStatusName; to: OrderStatusName; measures: StepMeasures }
  /** The message was answered before (a redelivery): nothing changed. */
  | { kind: "duplicate" }
  | { kind: "unknown" };

/** Versions an event may find changed under it before the delivery is handed back for a retry. */
const MAX_RACES = 20;

/**
 * Answers one event about an order: reads the order, asks the pure saga what follows, and writes the new
 * facts and status, timeline entries, commands, any status change and the message's claim in one
 * statement that applies only to the version read — if another step got there first, it reads again.
 */
export async function applySagaEvent(
  store: Pick<SagaStore, "readSagaOrder" | "writeSagaStep">,
  orderId: string,
  event: SagaEvent,
  o: ApplyOptions & { messageId: string },
): Promise<Applied> {
  for (let race = 0; race < MAX_RACES; race++) {
    const order = await store.readSagaOrder(orderId, o.messageId);
    if (!order) return { kind: "unknown" };
    if (order.answered) return { kind: "duplicate" };
    const facts = sagaFactsSchema.parse(order.saga);
    const step = decide(order, facts, event, o, o.messageId);
    if (await store.writeSagaStep(step))
      return { kind: "applied", ...measured(order, facts, step.status, event, o.now) };
  }
  throw new Error(`order ${orderId} kept changing while ${event.type} was applied; will retry`);
}

/**
 * A staff action (cancel, refund) inside the caller's transaction: the order is locked, `guard` may
 * refuse it as stored (nothing is written then), and the saga reacts exactly as to its own events.
 * The action's audit event (who did what, the fields it changed) goes into the outbox with the step's
 * own messages, so the change and its record are committed together or not at all.
 */
export async function applyStaffAction(
  tx: StaffActionSession,
  orderId: string,
  /** The action, or how to make it from the order as locked (a refund by line prices its units). */
  event: SagaEvent | ((order: SagaOrder, facts: SagaFacts) => SagaEvent),
  o: ApplyOptions & {
    guard: (order: { status: OrderStatusName; facts: SagaFacts; total: number }) => void;
    audit: {
      scope: AuditScope;
      /** The action in the order's terms, from the order as locked and the step decided. */
      record: (order: SagaOrder, facts: SagaFacts, step: SagaStep) => AuditRecord;
    };
  },
): Promise<Applied> {
  const order = await tx.lockSagaOrder(orderId);
  if (!order) return { kind: "unknown" };
  const facts = sagaFactsSchema.parse(order.saga);
  o.guard({ status: order.status, facts, total: order.total });
  const action = typeof event === "function" ? event(order, facts) : event;
  const decided = decide(order, facts, action, o, null);
  const audited = auditMessage(o.audit.scope, o.audit.record(order, facts, decided), o.now);
  const step: SagaStep = { ...decided, messages: [...decided.messages, audited] };
  if (!(await tx.writeSagaStep(step))) throw new Error(`order ${orderId} changed under its row lock`);
  return { kind: "applied", ...measured(order, facts, step.status, action, o.now) };
}

/** The step's status change and what it tells the metrics, from the order as read before it. */
function measured(
  order: SagaOrder,
  before: SagaFacts,
  to: OrderStatusName,
  event: SagaEvent,
  now: Date,
): { from: OrderStatusName; to: OrderStatusName; measures: StepMeasures } {
  const placedAt = new Date(order.placedAtMs);
  const changed = order.status !== to;
  return {
    from: order.status,
    to,
    measures: {
      latency: stepLatency(event, before, placedAt, now),
      placedToConfirmedSeconds:
        changed && to === "CONFIRMED" ? Math.max(0, (now.getTime() - placedAt.getTime()) / 1000) : null,
      confirmedTotal: changed && to === "CONFIRMED" ? { minor: order.total, currency: order.currency } : null,
      cancelReason: changed && to === "CANCELLED" ? cancelReasonOf(event) : null,
    },
  };
}

/** What the saga does with `event`, as the one write that records it. */
export function decide(
  order: SagaOrder,
  facts: SagaFacts,
  event: SagaEvent,
  o: ApplyOptions,
  messageId: string | null,
): SagaStep {
  const decision = react({ facts, cancelReason: order.cancelReason, total: order.total }, event, o.now);
  const forCommands = { ...order, reservationExpiresAt: new Date(o.now.getTime() + o.reservationTtlMs) };
  const messages = decision.commands.map((c) => commandMessage(forCommands, c, o.traceparent));
  if (decision.status !== order.status)
    messages.push(
      statusChangedMessage(order, order.status, decision.status, decision.cancelReason, o.traceparent),
    );
  return {
    orderId: order.id,
    version: order.version,
    messageId,
    status: decision.status,
    facts: decision.facts,
    cancelReason: decision.cancelReason,
    dropPaymentToken:
      Boolean(decision.facts.authorizeRequestedAt) &&
      !decision.commands.some((c) => c.type === "payment.authorize"),
    shipment: decision.shipment,
    // An order held for another card gives its cart back when it starts waiting, and when it ends
    // unpaid (expired, abandoned) — a no-op unless the cart is still converted to this order.
    reopenCartId:
      (decision.facts.awaitingPayment && !facts.awaitingPayment) ||
      (decision.facts.cancelledAt && !facts.cancelledAt)
        ? decision.facts.holdForRetry?.cartId
        : undefined,
    timeline: decision.notes.map((n) => ({
      id: randomUUID(),
      status: decision.status,
      code: n.code,
      message: n.message,
    })),
    messages,
  };
}
