import { z } from "zod";
import { publicProcedure, router } from "../../trpc";
import { cartToken, lineQuantity, quantity, variantId } from "../schemas";

export const cartRouter = router({
  get: publicProcedure
    .input(z.strictObject({ cartToken }))
    .query(({ ctx, input }) => ctx.carts.view(input.cartToken)),
  addLine: publicProcedure
    .input(z.strictObject({ cartToken: cartToken.optional(), variantId, quantity }))
    .mutation(({ ctx, input }) => ctx.carts.addLine(input.cartToken, input.variantId, input.quantity)),
  setQuantity: publicProcedure
    .input(z.strictObject({ cartToken, variantId, quantity: lineQuantity }))
    .mutation(({ ctx, input }) => ctx.carts.setQuantity(input.cartToken, input.variantId, input.quantity)),
  removeLine: publicProcedure
    .input(z.strictObject({ cartToken, variantId }))
    .mutation(({ ctx, input }) => ctx.carts.setQuantity(input.cartToken, input.variantId, 0)),
});
