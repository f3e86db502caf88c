// Staff procedures. Each names the permission its caller must hold (the matrix lives in @emporium/auth);
// staffProcedure checks it before the input is read. Publishing asks for its own permission on top.
import { authorize } from "@emporium/auth";
import { router, staffProcedure } from "../../trpc";
import { exportRow } from "../../../domain/product-import";
import { importProducts } from "./import";
import { mediaRouter } from "./media/_router";
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
    list: staffProcedure("catalog.products.read")
      .input(productListInput)
      .query(async ({ ctx, input }) => {
        return ctx.admin.listProducts(input);
      }),
    get: staffProcedure("catalog.products.read")
      .input(productIdInput)
      .query(async ({ ctx, input }) => {
        return ctx.admin.product(input.id);
      }),
    /** A page of products in the import's own columns (an export that imports back unchanged). */
    export: staffProcedure("catalog.products.read")
      .input(productListInput)
      .query(async ({ ctx, input }) => {
        const [list, reference] = await Promise.all([ctx.admin.listProducts(input), ctx.admin.reference()]);
        const rows = [];
        for (const item of list.items) rows.push(exportRow(await ctx.admin.product(item.id), reference));
        return { rows, page: list.page, pageCount: list.pageCount };
      }),
    /** Brands, categories and attribute values for the product forms. */
    reference: staffProcedure("catalog.products.read").query(async ({ ctx }) => {
      return ctx.admin.reference();
    }),
    create: staffProcedure("catalog.products.write")
      .input(createProductInput)
      .mutation(async ({ ctx, input }) => {
        const staff = ctx.staff;
        // Publishing at creation is publishing: it needs that permission too.
        if (input.status === "PUBLISHED") authorize(staff, "catalog.products.publish");
        const created = await ctx.admin.createProduct(input, ctx.audit);
        await ctx.invalidateProduct(created.slug);
        ctx.log.info({ productId: created.id, by: staff.userId }, "product created");
        return created;
      }),
    import: staffProcedure("catalog.products.write")
      .input(importInput)
      .mutation(({ ctx, input }) => importProducts(ctx, input)),
    update: staffProcedure("catalog.products.write")
      .input(productDetailsInput)
      .mutation(async ({ ctx, input }) => {
        const staff = ctx.staff;
        const { id, ...details } = input;
        const result = await ctx.admin.updateProduct(id, details, ctx.audit);
        await ctx.invalidateProduct(result.slug);
        ctx.log.info({ productId: id, by: staff.userId }, "product updated");
        return result;
      }),
    setStatus: staffProcedure("catalog.products.publish")
      .input(setStatusInput)
      .mutation(async ({ ctx, input }) => {
        const staff = ctx.staff;
        const result = await ctx.admin.setStatus(input.id, input.status, ctx.audit);
        await ctx.invalidateProduct(result.slug);
        ctx.log.info(
          { productId: input.id, status: input.status, by: staff.userId },
          "product status changed",
        );
        return result;
      }),
  }),
  variants: router({
    create: staffProcedure("catalog.products.write")
      .input(createVariantInput)
      .mutation(async ({ ctx, input }) => {
        const staff = ctx.staff;
        const result = await ctx.admin.addVariant(input, ctx.audit);
        await ctx.invalidateProduct(result.slug);
        ctx.log.info(
          { productId: input.productId, sku: result.variant.sku, by: staff.userId },
          "variant added",
        );
        return result.variant;
      }),
    setPrice: staffProcedure("catalog.prices.write")
      .input(setPriceInput)
      .mutation(async ({ ctx, input }) => {
        const staff = ctx.staff;
        const result = await ctx.admin.setVariantPrice(
          input.variantId,
          input.price,
          input.compareAtPrice,
          ctx.audit,
        );
        await ctx.invalidateProduct(result.slug);
        ctx.log.info(
          { variantId: input.variantId, price: input.price, by: staff.userId },
          "variant price changed",
        );
        return result.variant;
      }),
  }),
});
