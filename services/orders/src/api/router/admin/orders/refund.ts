// admin.orders.refund: one refund sent through the saga per idempotency key (from the input or the
// Idempotency-Key header), so a double-clicked refund is paid once; who asked for it is logged and
// audited (order.refunded). A refund may name lines instead of an amount, and a location to restock them.
import type { AuditScope } from "@emporium/contracts";
import { InvalidInputError } from "@emporium/service-kit/errors";
import type { StaffPrincipal } from "@emporium/service-kit";
import { refundOrder, type RefundRequested } from "../../../../app/admin-orders";
import type { OrdersContext } from "../../../trpc";
import { idempotencyKey } from "../../schemas";
import type { RefundRequest } from "../schemas";

export async function refund(
  ctx: OrdersContext & { staff: StaffPrincipal; audit: AuditScope },
  input: RefundRequest,
): Promise<RefundRequested> {
  const key = idempotencyKey.safeParse(input.idempotencyKey ?? ctx.idempotencyKey);
  if (!key.success)
    throw new InvalidInputError(
      "idempotencyKey",
      "send an idempotency key of 16–128 letters, digits, - or _ (one per refund)",
    );
  const result = await refundOrder(
    {
      orders: ctx.saga,
      reservationTtlMs: ctx.reservationTtlMs,
      traceparent: ctx.traceparent,
      audit: ctx.audit,
    },
    {
      orderId: input.orderId,
      reason: input.reason,
      idempotencyKey: key.data,
      // The schema lets exactly one of the two through.
      ...(input.lines ? { lines: input.lines, restock: input.restock } : { amount: input.amount ?? 0 }),
    },
  );
  if (!result.replayed)
    ctx.log.info(
      {
        orderId: input.orderId,
        amount: result.amount,
        lines: input.lines?.length ?? 0,
        restockAt: input.restock?.locationId,
        by: ctx.staff.userId,
      },
      "refund requested by staff",
    );
  return result;
}
