// Staff procedures of the orders service. Each one asks `authorize` for its own permission before it
// touches anything — the matrix lives in @emporium/auth, and no middleware is trusted to have checked.
import { authorize } from "@emporium/auth";
import { getCustomer, listCustomers } from "../../app/admin-customers";
import { cancelOrder, getAdminOrder, listOrders, refundOrder } from "../../app/admin-orders";
import { salesSummary } from "../../app/admin-sales";
import { SHOP_CURRENCY } from "../../app/cart-service";
import { InvalidInputError } from "../../domain/errors";
import { publicProcedure, router } from "../../trpc";
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
    sales: publicProcedure.input(salesInput).query(async ({ ctx, input }) => {
      authorize(await ctx.principal(), "dashboard.read");
      return salesSummary(ctx.db, { days: input.days, currency: SHOP_CURRENCY });
    }),
  }),
  orders: router({
    list: publicProcedure.input(orderListInput).query(async ({ ctx, input }) => {
      authorize(await ctx.principal(), "orders.read");
      return listOrders(ctx.db, {
        status: input.status,
        q: input.q,
        from: input.from ? new Date(input.from) : undefined,
        to: until(input.to),
        page: input.page,
        limit: input.limit,
      });
    }),
    get: publicProcedure.input(orderIdInput).query(async ({ ctx, input }) => {
      authorize(await ctx.principal(), "orders.read");
      return getAdminOrder(ctx.db, input.orderId);
    }),
    cancel: publicProcedure.input(cancelInput).mutation(async ({ ctx, input }) => {
      const staff = authorize(await ctx.principal(), "orders.cancel");
      const result = await cancelOrder(
        { db: ctx.db, reservationTtlMs: ctx.reservationTtlMs, traceparent: ctx.traceparent },
        input,
      );
      ctx.log.info(
        { orderId: input.orderId, by: staff.userId, reason: input.reason },
        "order cancelled by staff",
      );
      return result;
    }),
    refund: publicProcedure.input(refundInput).mutation(async ({ ctx, input }) => {
      const staff = authorize(await ctx.principal(), "orders.refund");
      const key = idempotencyKey.safeParse(input.idempotencyKey ?? ctx.idempotencyKey);
      if (!key.success)
        throw new InvalidInputError(
          "idempotencyKey",
          "send an idempotency key of 16–128 letters, digits, - or _ (one per refund)",
        );
      const result = await refundOrder(
        { db: ctx.db, reservationTtlMs: ctx.reservationTtlMs, traceparent: ctx.traceparent },
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
    list: publicProcedure.input(customerListInput).query(async ({ ctx, input }) => {
      authorize(await ctx.principal(), "customers.read");
      return listCustomers(ctx.db, input);
    }),
    get: publicProcedure.input(customerInput).query(async ({ ctx, input }) => {
      authorize(await ctx.principal(), "customers.read");
      return getCustomer(ctx.db, input.email);
    }),
  }),
});
