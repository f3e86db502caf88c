// Orders as staff see them: one order with its lines, address, money and saga timeline (the filtered,
// paginated list is the back-office read model's); and the staff actions — cancel and refund — which enter the saga like any event, under
// the order's row lock, so they compensate and notify exactly as the saga's own steps do, each writing
// its audit event (audit.staff-action.v1) into the outbox in the same transaction.
import type { AuditScope, OrderStatusName } from "@emporium/contracts";
import { ConflictError, InvalidInputError, NotFoundError } from "@emporium/service-kit/errors";
import { requestHash } from "../domain/idempotency";
import { orderFieldsOf, type OrderFields } from "../domain/order";
import { sagaFactsSchema, type RefundLine, type SagaEvent, type SagaFacts } from "../domain/saga";
import {
  cancelAuditRecord,
  cancelRefusal,
  paymentSummary,
  planLineRefund,
  refundAuditRecord,
  refundRefusal,
  type PaymentSummary,
} from "../domain/staff-actions";
import type { OrderReadModel } from "../ports/order-read-model";
import type { SagaOrder, SagaStore, StaffActionSession } from "../ports/saga-store";
import { applyStaffAction, type Applied } from "./saga-steps";

export interface AdminOrderDetail extends OrderFields {
  customerId: string | null;
  createdAt: string;
  updatedAt: string;
  payment: PaymentSummary;
  /** Units refunded so far, by variant (lines with none refunded are left out). */
  refundedUnits: Record<string, number>;
  /** Why the order can no longer be cancelled; null while it can. */
  cancelBlockedBy: string | null;
  /** Something the saga could not finish on its own (a failed capture or refund). */
  needsAttention: string | null;
  timeline: { seq: string; status: OrderStatusName; code: string; message: string; at: string }[];
}

export async function getAdminOrder(orders: OrderReadModel, orderId: string): Promise<AdminOrderDetail> {
  const o = await orders.order(orderId);
  if (!o) throw new NotFoundError("No such order");
  const facts = sagaFactsSchema.parse(o.saga);
  return {
    ...orderFieldsOf(o),
    customerId: o.customerId,
    createdAt: o.createdAt.toISOString(),
    updatedAt: o.updatedAt.toISOString(),
    payment: paymentSummary(facts, o.total),
    refundedUnits: facts.refundedLines ?? {},
    cancelBlockedBy: cancelRefusal(facts),
    needsAttention: facts.needsAttention ?? null,
    timeline: o.timeline.map((t) => ({
      seq: t.seq.toString(),
      status: t.status,
      code: t.code,
      message: t.message,
      at: t.createdAt.toISOString(),
    })),
  };
}

export interface StaffActionDeps {
  orders: SagaStore;
  reservationTtlMs: number;
  traceparent?: string | undefined;
  /** Who acts in which request: the audit event each action writes names them. */
  audit: AuditScope;
  now?: () => Date;
  /** Told of each applied action (the order metrics). */
  observe?: (applied: Applied) => void;
}

export async function cancelOrder(
  d: StaffActionDeps,
  input: { orderId: string; reason: string },
): Promise<{ orderId: string; status: OrderStatusName }> {
  const now = d.now?.() ?? new Date();
  const result = await d.orders.transaction((tx) =>
    applyStaffAction(
      tx,
      input.orderId,
      { type: "staff.cancel", reason: input.reason },
      {
        now,
        reservationTtlMs: d.reservationTtlMs,
        traceparent: d.traceparent,
        guard: ({ facts }) => {
          const refusal = cancelRefusal(facts);
          if (refusal) throw new ConflictError(refusal);
        },
        audit: {
          scope: d.audit,
          record: (order, _facts, step) => cancelAuditRecord(order, step, input.reason),
        },
      },
    ),
  );
  if (result.kind !== "applied") throw new NotFoundError("No such order");
  d.observe?.(result);
  return { orderId: input.orderId, status: result.to };
}

/** A refund of an amount, or of units of the order's lines (priced as sold), optionally restocked. */
export type RefundInput = {
  orderId: string;
  reason: string;
  idempotencyKey: string;
} & (
  | { amount: number }
  | {
      lines: RefundLine[];
      /** The stock location the refunded units go back to; none: they are not restocked. */
      restock?: { locationId: string } | undefined;
    }
);

export interface RefundRequested {
  orderId: string;
  amount: number;
  /** True when this key was seen before with the same request: no second refund was sent. */
  replayed: boolean;
}

const KEY_TTL_MS = 24 * 3_600_000;

/**
 * Sends one `payment.refund` through the saga. The caller's idempotency key is claimed in the same
 * transaction (scoped to the order), so a double-clicked refund is answered twice but paid once (and
 * audited once: a replay changes nothing, so it writes nothing); the same key with another request is a
 * conflict. A refund by line is priced from the order as locked; its units count as refunded, and go
 * back in stock, once the payment worker confirms it (see domain/saga.ts).
 */
export async function refundOrder(d: StaffActionDeps, input: RefundInput): Promise<RefundRequested> {
  const now = d.now?.() ?? new Date();
  const key = `admin-refund:${input.orderId}:${input.idempotencyKey}`;
  const byLine = "lines" in input ? input : null;
  const hash = requestHash(
    byLine
      ? {
          orderId: input.orderId,
          lines: byLine.lines,
          restockAt: byLine.restock?.locationId ?? null,
          reason: input.reason,
        }
      : { orderId: input.orderId, amount: "amount" in input ? input.amount : 0, reason: input.reason },
  );
  for (let attempt = 1; ; attempt++) {
    try {
      return await d.orders.transaction(async (tx) => {
        // The order lock first, so two requests with one key queue up behind each other.
        if (!(await tx.lockOrderRow(input.orderId))) throw new NotFoundError("No such order");
        const seen = await tx.findKey(key);
        if (seen) {
          if (seen.scope !== "admin.refund" || seen.requestHash !== hash)
            throw new ConflictError(
              "This idempotency key was already used for a different refund; use a new key for a new refund",
            );
          return { orderId: input.orderId, amount: await replayedAmount(tx, input), replayed: true };
        }
        await tx.claimRefundKey({
          key,
          requestHash: hash,
          orderId: input.orderId,
          expiresAt: new Date(now.getTime() + KEY_TTL_MS),
        });
        let amount = "amount" in input ? input.amount : 0;
        const refund = (order: SagaOrder, facts: SagaFacts): SagaEvent => {
          if (!byLine) return { type: "staff.refund", amount, reason: input.reason };
          const plan = planLineRefund(order.lines, facts, order.total, byLine.lines);
          if (!plan.ok) throw new InvalidInputError(plan.field, plan.message);
          amount = plan.amount;
          return {
            type: "staff.refund",
            amount,
            reason: input.reason,
            lines: plan.lines,
            ...(byLine.restock
              ? { restock: { locationId: byLine.restock.locationId, actor: d.audit.actor } }
              : {}),
          };
        };
        await applyStaffAction(tx, input.orderId, refund, {
          now,
          reservationTtlMs: d.reservationTtlMs,
          traceparent: d.traceparent,
          guard: ({ facts, total }) => {
            // A refund by line is priced (and capped) once the order is read: only its state is checked here.
            const refusal = refundRefusal(facts, total, amount);
            if (refusal?.kind === "amount") throw new InvalidInputError("amount", refusal.message);
            if (refusal) throw new ConflictError(refusal.message);
          },
          audit: {
            scope: d.audit,
            record: (order, facts) =>
              refundAuditRecord(
                order,
                facts,
                amount,
                input.reason,
                byLine ? { lines: byLine.lines, restockAt: byLine.restock?.locationId ?? null } : undefined,
              ),
          },
        });
        return { orderId: input.orderId, amount, replayed: false };
      });
    } catch (err) {
      // Two first requests with one key can both miss the key; its primary key settles it, and the
      // retry then answers as a replay.
      if (d.orders.isDuplicate(err) && attempt < 3) continue;
      throw err;
    }
  }
}

/** What a replayed refund paid: its amount, or its units at the prices they were sold for. */
async function replayedAmount(tx: StaffActionSession, input: RefundInput): Promise<number> {
  if (!("lines" in input)) return input.amount;
  const order = await tx.lockSagaOrder(input.orderId);
  const priceOf = new Map(order?.lines.map((l) => [l.variantId, l.unitPrice]));
  return input.lines.reduce((sum, l) => sum + (priceOf.get(l.variantId) ?? 0) * l.quantity, 0);
}
