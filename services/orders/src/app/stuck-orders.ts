// The operations console's stuck orders: unfinished orders placed longer ago than a threshold, each with
// the saga step it waits on; and "retry step", which sends that step's command again. The retry runs
// under the order's row lock and writes the command and its audit event to the outbox in one transaction
// (with the step's request time moved on), so it is sent once per click and recorded with who asked.
// The downstream workers answer a repeated command per order (see domain/stuck-orders.ts): nothing is
// reserved, shipped or charged twice.
import type { AuditScope } from "@emporium/contracts";
import { auditMessage } from "@emporium/messaging";
import { ConflictError, NotFoundError } from "@emporium/service-kit/errors";
import { sagaFactsSchema } from "../domain/saga";
import { afterRetry, pendingStep, retryRefusal, type RetryableStep } from "../domain/stuck-orders";
import type { SagaStore } from "../ports/saga-store";
import type { UnfinishedOrders } from "../ports/unfinished-orders";
import { commandMessage } from "./outbox-messages";

export interface StuckOrderView {
  orderId: string;
  number: string;
  status: "PENDING" | "CONFIRMED";
  total: number;
  currency: string;
  placedAt: string;
  /** The command the order waits on, or who else it waits on. */
  step: string;
  /** When that step was asked for, when known. */
  since: string | null;
  /** Whether staff can send the step's command again. */
  retryable: boolean;
}

export async function listStuckOrders(
  orders: UnfinishedOrders,
  input: { olderThanMinutes: number; limit: number },
): Promise<StuckOrderView[]> {
  const rows = await orders.olderThan(input.olderThanMinutes, input.limit);
  return rows.flatMap((o) => {
    const placedAt = o.placedAt.toISOString();
    const step = pendingStep({ status: o.status, total: o.total, placedAt }, sagaFactsSchema.parse(o.saga));
    if (step.kind === "done" || (o.status !== "PENDING" && o.status !== "CONFIRMED")) return [];
    return [
      {
        orderId: o.id,
        number: o.number,
        status: o.status,
        total: o.total,
        currency: o.currency,
        placedAt,
        step: step.step,
        since: step.since,
        retryable: step.kind === "retryable",
      },
    ];
  });
}

export interface RetryStepDeps {
  saga: SagaStore;
  /** An order placed more recently than this is not stuck yet. */
  stuckAfterMs: number;
  reservationTtlMs: number;
  audit: AuditScope;
  traceparent?: string | undefined;
  now?: () => Date;
}

export interface RetriedStep {
  orderId: string;
  step: RetryableStep;
}

export async function retryStuckStep(
  d: RetryStepDeps,
  input: { orderId: string; reason?: string | undefined },
): Promise<RetriedStep> {
  const now = d.now?.() ?? new Date();
  return d.saga.transaction(async (tx) => {
    const order = await tx.lockSagaOrder(input.orderId);
    if (!order) throw new NotFoundError("No such order");
    const facts = sagaFactsSchema.parse(order.saga);
    const placedAt = new Date(order.placedAtMs).toISOString();
    const step = pendingStep({ status: order.status, total: order.total, placedAt }, facts);
    const refusal = retryRefusal(step, {
      placedAtMs: order.placedAtMs,
      nowMs: now.getTime(),
      stuckAfterMs: d.stuckAfterMs,
      hasPaymentToken: order.paymentToken !== null,
    });
    if (refusal || step.kind !== "retryable") throw new ConflictError(refusal ?? "Nothing to try again");
    const forCommands = { ...order, reservationExpiresAt: new Date(now.getTime() + d.reservationTtlMs) };
    const command = commandMessage(forCommands, step.command, d.traceparent);
    const audited = auditMessage(
      d.audit,
      {
        action: "order.step-retried",
        target: { type: "order", id: order.id, label: `Order ${order.number}` },
        before: { step: step.step, requestedAt: step.since, status: order.status },
        after: { step: step.step, requestedAt: now.toISOString(), status: order.status },
        reason: input.reason,
      },
      now,
    );
    const written = await tx.writeSagaStep({
      orderId: order.id,
      version: order.version,
      messageId: null,
      status: order.status,
      facts: afterRetry(facts, step.step, now.toISOString()),
      cancelReason: order.cancelReason,
      dropPaymentToken: false,
      timeline: [],
      messages: [command, audited],
    });
    if (!written) throw new Error(`order ${order.id} changed under its row lock`);
    return { orderId: order.id, step: step.step };
  });
}
