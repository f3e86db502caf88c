import { TRPCError } from "@trpc/server";
import { z } from "zod";
import { placeOrder } from "../../../app/place-order";
import { computeTotals, SHIPPING_METHODS } from "../../../domain/checkout";
import { publicProcedure, router, type OrdersContext } from "../../trpc";
import { address, cartToken, email, idempotencyKey, paymentToken, shippingMethod } from "../schemas";

async function signedInCustomer(ctx: OrdersContext): Promise<string | null> {
  const caller = await ctx.principal();
  return caller.kind === "anonymous" ? null : caller.userId;
}

export const checkoutRouter = router({
  shippingMethods: publicProcedure.query(() => SHIPPING_METHODS.map((m) => ({ ...m }))),
  /** Totals for the review step, from the cart as it is now. */
  summary: publicProcedure
    .input(z.strictObject({ cartToken, shippingMethod }))
    .query(async ({ ctx, input }) => {
      const cart = await ctx.carts.view(input.cartToken);
      return { cart, ...computeTotals(cart.lines, input.shippingMethod), payments: ctx.payments.describe() };
    }),
  placeOrder: publicProcedure
    .input(
      z.strictObject({
        cartToken,
        email,
        shippingAddress: address,
        shippingMethod,
        paymentToken,
        /** Or the Idempotency-Key header. */
        idempotencyKey: idempotencyKey.optional(),
      }),
    )
    .mutation(async ({ ctx, input }) => {
      const key = input.idempotencyKey ?? ctx.idempotencyKey;
      const parsedKey = idempotencyKey.safeParse(key);
      if (!parsedKey.success)
        throw new TRPCError({
          code: "BAD_REQUEST",
          message: "idempotencyKey: send an Idempotency-Key of 16–128 letters, digits, - or _",
        });
      return placeOrder(
        {
          checkout: ctx.checkout,
          secret: ctx.secret,
          log: ctx.log,
          paymentsAvailable: () => ctx.payments.isAvailable(),
          reservationTtlMs: ctx.reservationTtlMs,
        },
        {
          cartToken: input.cartToken,
          email: input.email,
          shippingAddress: input.shippingAddress,
          shippingMethod: input.shippingMethod,
          paymentToken: input.paymentToken,
          idempotencyKey: parsedKey.data,
          traceparent: ctx.traceparent,
          // A signed-in shopper's order goes to their account (order history); a guest's to nobody.
          customerId: await signedInCustomer(ctx),
        },
      );
    }),
});
