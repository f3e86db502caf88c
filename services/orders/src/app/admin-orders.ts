// Orders as staff see them: one order with its lines, address, money and saga timeline (the filtered,
// paginated list is the back-office read model's); and the staff actions — cancel and refund — which enter the saga like any event, under
// the order's row lock, so they compensate and notify exactly as the saga's own steps do, each writing
// its audit event (audit.staff-action.v1) into the outbox in the same transaction.
import type { AuditScope, OrderStatusName } from "@emporium/contracts";
import { ConflictError, InvalidInputError, NotFoundError } from "@emporium/service-kit/errors";
import { requestHash } from "../domain/idempotency";
import { orderFieldsOf, type OrderFields } from "../domain/order";
import { sagaFactsSchema } from "../domain/saga";
import {
  cancelAuditRecord,
  cancelRefusal,
  paymentSummary,
  refundAuditRecord,
  refundRefusal,
  type PaymentSummary,
} from "../domain/staff-actions";
import type { OrderReadModel } from "../ports/order-read-model";
import type { SagaStore } from "../ports/saga-store";
import { applyStaffAction, type Applied } from "./saga-steps";

export interface AdminOrderDetail extends OrderFields {
  customerId: string | null;
  createdAt: string;
  updatedAt: string;
  payment: PaymentSummary;
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

export interface RefundInput {
  orderId: string;
  amount: number;
  reason: string;
  idempotencyKey: string;
}

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
 * audited once: a replay changes nothing, so it writes nothing); the same key with another amount is a
 * conflict.
 */
export async function refundOrder(d: StaffActionDeps, input: RefundInput): Promise<RefundRequested> {
  const now = d.now?.() ?? new Date();
  const key = `admin-refund:${input.orderId}:${input.idempotencyKey}`;
  const hash = requestHash({ orderId: input.orderId, amount: input.amount, reason: input.reason });
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
          return { orderId: input.orderId, amount: input.amount, replayed: true };
        }
        await tx.claimRefundKey({
          key,
          requestHash: hash,
          orderId: input.orderId,
          expiresAt: new Date(now.getTime() + KEY_TTL_MS),
        });
        await applyStaffAction(
          tx,
          input.orderId,
          { type: "staff.refund", amount: input.amount, reason: input.reason },
          {
            now,
            reservationTtlMs: d.reservationTtlMs,
            traceparent: d.traceparent,
            guard: ({ facts, total }) => {
              const refusal = refundRefusal(facts, total, input.amount);
              if (refusal?.kind === "amount") throw new InvalidInputError("amount", refusal.message);
              if (refusal) throw new ConflictError(refusal.message);
            },
            audit: {
              scope: d.audit,
              record: (order, facts) => refundAuditRecord(order, facts, input.amount, input.reason),
            },
          },
        );
        return { orderId: input.orderId, amount: input.amount, replayed: false };
      });
    } catch (err) {
      // Two first requests with one key can both miss the key; its primary key settles it, and the
      // retry then answers as a replay.
      if (d.orders.isDuplicate(err) && attempt < 3) continue;
      throw err;
    }
  }
}
