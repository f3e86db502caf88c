// Staff procedures of the orders service. Each names the permission its caller must hold (the matrix
// lives in @emporium/auth); staffProcedure checks it before the input is read.
import { cancelOrder, getAdminOrder, refundOrder } from "../../../app/admin-orders";
import { salesSummary } from "../../../app/admin-sales";
import { SHOP_CURRENCY } from "../../../app/cart-service";
import { InvalidInputError, NotFoundError } from "@emporium/service-kit/errors";
import { router, staffProcedure } from "../../trpc";
import { idempotencyKey } from "../schemas";
import {
  cancelInput,
  customerInput,
  customerListInput,
  orderIdInput,
  orderListInput,
  refundInput,
  salesInput,
} from "./schemas";

/** `to` as a day includes that whole day. */
function until(to: string | undefined): Date | undefined {
  if (!to) return undefined;
  return to.length === 10 ? new Date(Date.parse(`${to}T00:00:00Z`) + 86_400_000) : new Date(to);
}

export const adminRouter = router({
  dashboard: router({
    /** Sales, orders and average order value per day over a period, and the period before it. */
    sales: staffProcedure("dashboard.read")
      .input(salesInput)
      .query(async ({ ctx, input }) => {
        return salesSummary(ctx.backOffice, { days: input.days, currency: SHOP_CURRENCY });
      }),
  }),
  orders: router({
    list: staffProcedure("orders.read")
      .input(orderListInput)
      .query(async ({ ctx, input }) => {
        return ctx.backOffice.orders({
          status: input.status,
          q: input.q,
          from: input.from ? new Date(input.from) : undefined,
          to: until(input.to),
          page: input.page,
          limit: input.limit,
        });
      }),
    get: staffProcedure("orders.read")
      .input(orderIdInput)
      .query(async ({ ctx, input }) => {
        return getAdminOrder(ctx.orders, input.orderId);
      }),
    cancel: staffProcedure("orders.cancel")
      .input(cancelInput)
      .mutation(async ({ ctx, input }) => {
        const staff = ctx.staff;
        const result = await cancelOrder(
          { orders: ctx.saga, reservationTtlMs: ctx.reservationTtlMs, traceparent: ctx.traceparent },
          input,
        );
        ctx.log.info(
          { orderId: input.orderId, by: staff.userId, reason: input.reason },
          "order cancelled by staff",
        );
        return result;
      }),
    refund: staffProcedure("orders.refund")
      .input(refundInput)
      .mutation(async ({ ctx, input }) => {
        const staff = ctx.staff;
        const key = idempotencyKey.safeParse(input.idempotencyKey ?? ctx.idempotencyKey);
        if (!key.success)
          throw new InvalidInputError(
            "idempotencyKey",
            "send an idempotency key of 16–128 letters, digits, - or _ (one per refund)",
          );
        const result = await refundOrder(
          { orders: ctx.saga, reservationTtlMs: ctx.reservationTtlMs, traceparent: ctx.traceparent },
          { orderId: input.orderId, amount: input.amount, reason: input.reason, idempotencyKey: key.data },
        );
        if (!result.replayed)
          ctx.log.info(
            { orderId: input.orderId, amount: input.amount, by: staff.userId },
            "refund requested by staff",
          );
        return result;
      }),
  }),
  customers: router({
    list: staffProcedure("customers.read")
      .input(customerListInput)
      .query(async ({ ctx, input }) => {
        return ctx.backOffice.customers(input);
      }),
    get: staffProcedure("customers.read")
      .input(customerInput)
      .query(async ({ ctx, input }) => {
        const customer = await ctx.backOffice.customer(input.email);
        if (!customer) throw new NotFoundError("No customer has ordered with that email");
        return customer;
      }),
  }),
});
