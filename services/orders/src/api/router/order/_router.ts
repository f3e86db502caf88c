// order.*: a shopper's order by id with its access token, a guest's lookup by number and email, and the
// live status stream.
import { z } from "zod";
import { getOrder, lookupOrder } from "../../../app/order-queries";
import { publicProcedure, router } from "../../trpc";
import { accessToken, email, orderId, orderNumber } from "../schemas";
import { watchOrder } from "./watch";

const orderAccess = z.strictObject({ orderId, accessToken });

export const orderRouter = router({
  get: publicProcedure
    .input(orderAccess)
    .query(({ ctx, input }) => getOrder(ctx.orders, ctx.secret, input.orderId, input.accessToken)),
  /** Guest lookup: order number and the email it was placed with. */
  lookup: publicProcedure
    .input(z.strictObject({ number: orderNumber, email }))
    .query(({ ctx, input }) => lookupOrder(ctx.orders, ctx.secret, input.number, input.email)),
  /** The order now, then again after every change, over server-sent events. */
  watch: publicProcedure
    .input(orderAccess)
    .subscription(({ ctx, input, signal }) => watchOrder(ctx, input, signal)),
});
