// The signed-in shopper's account: procedures act on the caller named by the verified service token
// (accountHolder refuses anonymous callers), so one shopper can never name another's orders or addresses.
import { z } from "zod";
import {
  accountHolder,
  claimCart,
  myAddresses,
  myOrder,
  myOrders,
  removeAddress,
  saveAddress,
} from "../../../app/account";
import { publicProcedure, router } from "../../trpc";
import { address, cartToken, orderNumber } from "../schemas";

export const ACCOUNT_PAGE_SIZE = 10;

export const accountRouter = router({
  orders: router({
    list: publicProcedure
      .input(z.strictObject({ page: z.number().int().min(1).max(10_000).default(1) }))
      .query(async ({ ctx, input }) =>
        myOrders(ctx.orders, ctx.secret, accountHolder(await ctx.principal()), input.page, ACCOUNT_PAGE_SIZE),
      ),
    get: publicProcedure
      .input(z.strictObject({ number: orderNumber }))
      .query(async ({ ctx, input }) =>
        myOrder(ctx.orders, ctx.secret, accountHolder(await ctx.principal()), input.number),
      ),
  }),
  addresses: router({
    list: publicProcedure.query(async ({ ctx }) =>
      myAddresses(ctx.addresses, accountHolder(await ctx.principal())),
    ),
    save: publicProcedure
      .input(z.strictObject({ address }))
      .mutation(async ({ ctx, input }) =>
        saveAddress(ctx.addresses, accountHolder(await ctx.principal()), input.address),
      ),
    remove: publicProcedure
      .input(z.strictObject({ id: z.uuid("must be a saved address id") }))
      .mutation(async ({ ctx, input }) => {
        await removeAddress(ctx.addresses, accountHolder(await ctx.principal()), input.id);
        return { removed: true };
      }),
  }),
  cart: router({
    /** On sign-in: the guest cart joins the shopper's; answers the cart token to keep. */
    claim: publicProcedure
      .input(z.strictObject({ cartToken: cartToken.optional() }))
      .mutation(async ({ ctx, input }) =>
        claimCart(ctx.cartStore, ctx.secret, accountHolder(await ctx.principal()), input.cartToken),
      ),
  }),
});
