// checkout.*: the shipping methods, the review step's totals, and placing the order.
import { z } from "zod";
import { computeTotals, SHIPPING_METHODS } from "../../../domain/checkout";
import { publicProcedure, router } from "../../trpc";
import { cartToken, shippingMethod } from "../schemas";
import { checkOut } from "./placeOrder";
import { placeOrderInput } from "./placeOrder.schema";

export const checkoutRouter = router({
  shippingMethods: publicProcedure.query(() => SHIPPING_METHODS.map((m) => ({ ...m }))),
  /** Totals for the review step, from the cart as it is now. */
  summary: publicProcedure
    .input(z.strictObject({ cartToken, shippingMethod }))
    .query(async ({ ctx, input }) => {
      const cart = await ctx.carts.view(input.cartToken);
      return { cart, ...computeTotals(cart.lines, input.shippingMethod), payments: ctx.payments.describe() };
    }),
  placeOrder: publicProcedure.input(placeOrderInput).mutation(({ ctx, input }) => checkOut(ctx, input)),
});
