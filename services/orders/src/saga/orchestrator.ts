// The saga orchestrator: for each event about an order, one transaction locks the order, asks the pure
// saga what follows, stores the new facts and status with timeline entries, and writes the resulting
// commands and the status-change event to the outbox. The event's id is claimed in the same
// transaction, so a redelivered event changes nothing. Staff actions (cancel, refund) go through the
// same `applySagaEvent`, so they lock, compensate and notify exactly as events do.
import { randomUUID } from "node:crypto";
import type { Envelope, OrderStatusName } from "@emporium/contracts";
import type { Database, SqlSession } from "@emporium/db";
import { claimMessage, enqueue, type MessageHandler } from "@emporium/messaging";
import type { Logger } from "@emporium/observability";
import type { Counter } from "prom-client";
import { react, sagaFactsSchema, type SagaEvent, type SagaFacts } from "../domain/saga";
import { commandMessage, statusChangedMessage } from "../app/outbox-messages";
import { addTimeline, lockSagaOrder, saveSagaOrder } from "../adapters/sql/saga-orders";
import { readSagaEvent } from "./read-event";

export interface OrchestratorDeps {
  db: Database;
  log: Logger;
  reservationTtlMs: number;
  transitions: Counter<"to">;
  now?: () => Date;
}

export function sagaHandler(d: OrchestratorDeps): MessageHandler {
  return async (envelope: Envelope) => {
    const read = readSagaEvent(envelope);
    if (!read) return;
    const now = d.now?.() ?? new Date();
    const result = await d.db.transaction(async (tx) => {
      if (!(await claimMessage(tx, "orders", envelope.id))) return null;
      const applied = await applySagaEvent(tx, read.orderId, read.event, {
        now,
        reservationTtlMs: d.reservationTtlMs,
        traceparent: envelope.traceparent,
      });
      if (!applied)
        d.log.warn({ orderId: read.orderId, type: envelope.type }, "event for an unknown order ignored");
      return applied;
    });
    if (result && result.from !== result.to) d.transitions.inc({ to: result.to });
  };
}

export interface ApplyOptions {
  now: Date;
  reservationTtlMs: number;
  traceparent?: string | undefined;
  /**
   * Runs under the order's row lock before the saga reacts, with the order as stored; throws to refuse
   * (a staff action the order no longer allows). Nothing is written then.
   */
  guard?: (order: { status: OrderStatusName; facts: SagaFacts; total: number }) => void;
}

/**
 * Inside the caller's transaction: locks the order, asks the pure saga what follows `event`, stores the
 * new facts and status with timeline entries, and writes the commands and any status change to the
 * outbox. Returns null for an unknown order.
 */
export async function applySagaEvent(
  tx: SqlSession,
  orderId: string,
  event: SagaEvent,
  o: ApplyOptions,
): Promise<{ from: OrderStatusName; to: OrderStatusName } | null> {
  const { now } = o;
  const order = await lockSagaOrder(tx, orderId);
  if (!order) return null;
  const facts = sagaFactsSchema.parse(order.saga);
  o.guard?.({ status: order.status, facts, total: order.total });
  const decision = react({ facts, cancelReason: order.cancelReason, total: order.total }, event, now);
  const forCommands = { ...order, reservationExpiresAt: new Date(now.getTime() + o.reservationTtlMs) };
  const messages = decision.commands.map((c) => commandMessage(forCommands, c, o.traceparent));
  if (decision.status !== order.status)
    messages.push(
      statusChangedMessage(order, order.status, decision.status, decision.cancelReason, o.traceparent),
    );
  await saveSagaOrder(tx, order.id, {
    status: decision.status,
    facts: decision.facts,
    cancelReason: decision.cancelReason,
    dropPaymentToken:
      Boolean(decision.facts.authorizeRequestedAt) &&
      !decision.commands.some((c) => c.type === "payment.authorize"),
    shipment: decision.shipment,
  });
  await addTimeline(
    tx,
    order.id,
    decision.notes.map((n) => ({
      id: randomUUID(),
      status: decision.status,
      code: n.code,
      message: n.message,
    })),
  );
  await enqueue(tx, "orders", messages);
  return { from: order.status, to: decision.status };
}
