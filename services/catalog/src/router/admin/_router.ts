// Staff procedures. Each one asks `authorize` for its own permission before it touches anything —
// the permission matrix lives in @emporium/auth, and no middleware is trusted to have checked.
import { authorize } from "@emporium/auth";
import { publicProcedure, router } from "../../trpc";
import { lowStockInput, productIdInput, productListInput, setPriceInput, setStatusInput } from "./schemas";

export const adminRouter = router({
  products: router({
    list: publicProcedure.input(productListInput).query(async ({ ctx, input }) => {
      authorize(await ctx.principal(), "catalog.products.read");
      return ctx.admin.listProducts(input);
    }),
    get: publicProcedure.input(productIdInput).query(async ({ ctx, input }) => {
      authorize(await ctx.principal(), "catalog.products.read");
      return ctx.admin.product(input.id);
    }),
    setStatus: publicProcedure.input(setStatusInput).mutation(async ({ ctx, input }) => {
      const staff = authorize(await ctx.principal(), "catalog.products.publish");
      const result = await ctx.admin.setStatus(input.id, input.status);
      ctx.invalidateProduct(result.slug);
      ctx.log.info({ productId: input.id, status: input.status, by: staff.userId }, "product status changed");
      return result;
    }),
  }),
  variants: router({
    setPrice: publicProcedure.input(setPriceInput).mutation(async ({ ctx, input }) => {
      const staff = authorize(await ctx.principal(), "catalog.prices.write");
      const result = await ctx.admin.setVariantPrice(input.variantId, input.price, input.compareAtPrice);
      ctx.invalidateProduct(result.slug);
      ctx.log.info(
        { variantId: input.variantId, price: input.price, by: staff.userId },
        "variant price changed",
      );
      return result.variant;
    }),
  }),
  inventory: router({
    lowStock: publicProcedure.input(lowStockInput).query(async ({ ctx, input }) => {
      authorize(await ctx.principal(), "inventory.stock.read");
      return ctx.admin.lowStock(input.threshold, input.limit);
    }),
  }),
});
