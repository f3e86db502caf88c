// admin.orders.cancel: the order is cancelled through the saga (stock released, payment refunded as
// needed), and who did it and why is logged and audited (order.cancelled).
import type { AuditScope, OrderStatusName } from "@emporium/contracts";
import type { StaffPrincipal } from "@emporium/service-kit";
import { cancelOrder } from "../../../../app/admin-orders";
import type { OrdersContext } from "../../../trpc";
import type { CancelInput } from "../schemas";

export async function cancel(
  ctx: OrdersContext & { staff: StaffPrincipal; audit: AuditScope },
  input: CancelInput,
): Promise<{ orderId: string; status: OrderStatusName }> {
  const result = await cancelOrder(
    {
      orders: ctx.saga,
      reservationTtlMs: ctx.reservationTtlMs,
      traceparent: ctx.traceparent,
      audit: ctx.audit,
      observe: ctx.orderMetrics.applied,
    },
    input,
  );
  ctx.log.info(
    { orderId: input.orderId, by: ctx.staff.userId, reason: input.reason },
    "order cancelled by staff",
  );
  return result;
}
