// Staff procedures. Each one asks `authorize` for its own permission before it touches anything —
// the permission matrix lives in @emporium/auth, and no middleware is trusted to have checked.
import { authorize } from "@emporium/auth";
import { publicProcedure, router } from "../../trpc";
import { importProducts } from "./import.handler";
import { mediaRouter } from "./media";
import {
  createProductInput,
  createVariantInput,
  importInput,
  productDetailsInput,
  productIdInput,
  productListInput,
  setPriceInput,
  setStatusInput,
} from "./schemas";

export const adminRouter = router({
  media: mediaRouter,
  products: router({
    list: publicProcedure.input(productListInput).query(async ({ ctx, input }) => {
      authorize(await ctx.principal(), "catalog.products.read");
      return ctx.admin.listProducts(input);
    }),
    get: publicProcedure.input(productIdInput).query(async ({ ctx, input }) => {
      authorize(await ctx.principal(), "catalog.products.read");
      return ctx.admin.product(input.id);
    }),
    /** Brands, categories and attribute values for the product forms. */
    reference: publicProcedure.query(async ({ ctx }) => {
      authorize(await ctx.principal(), "catalog.products.read");
      return ctx.admin.reference();
    }),
    create: publicProcedure.input(createProductInput).mutation(async ({ ctx, input }) => {
      const staff = authorize(await ctx.principal(), "catalog.products.write");
      // Publishing at creation is publishing: it needs that permission too.
      if (input.status === "PUBLISHED") authorize(staff, "catalog.products.publish");
      const created = await ctx.admin.createProduct(input);
      ctx.invalidateProduct(created.slug);
      ctx.log.info({ productId: created.id, by: staff.userId }, "product created");
      return created;
    }),
    import: publicProcedure.input(importInput).mutation(({ ctx, input }) => importProducts(ctx, input)),
    update: publicProcedure.input(productDetailsInput).mutation(async ({ ctx, input }) => {
      const staff = authorize(await ctx.principal(), "catalog.products.write");
      const { id, ...details } = input;
      const result = await ctx.admin.updateProduct(id, details);
      ctx.invalidateProduct(result.slug);
      ctx.log.info({ productId: id, by: staff.userId }, "product updated");
      return result;
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
    create: publicProcedure.input(createVariantInput).mutation(async ({ ctx, input }) => {
      const staff = authorize(await ctx.principal(), "catalog.products.write");
      const result = await ctx.admin.addVariant(input);
      ctx.invalidateProduct(result.slug);
      ctx.log.info(
        { productId: input.productId, sku: result.variant.sku, by: staff.userId },
        "variant added",
      );
      return result.variant;
    }),
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
});
