// Staff procedures for product images: list, upload (a signed form, then `complete`), remove, reorder
// and describe. Each asks `authorize` itself; the work is MediaLibrary's. A change drops the product's
// cached answers so the storefront shows it at once.
import { authorize } from "@emporium/auth";
import { publicProcedure, router } from "../../trpc";
import {
  completeUploadInput,
  createUploadInput,
  mediaListInput,
  removeMediaInput,
  reorderMediaInput,
  setAltInput,
} from "./media.schema";

export const mediaRouter = router({
  list: publicProcedure.input(mediaListInput).query(async ({ ctx, input }) => {
    authorize(await ctx.principal(), "catalog.products.read");
    return ctx.media.list(input.productId);
  }),
  createUpload: publicProcedure.input(createUploadInput).mutation(async ({ ctx, input }) => {
    const staff = authorize(await ctx.principal(), "catalog.products.write");
    const form = await ctx.media.createUpload(input);
    ctx.log.info(
      {
        productId: input.productId,
        key: form.key,
        fileName: input.fileName,
        size: input.size,
        by: staff.userId,
      },
      "media upload signed",
    );
    return form;
  }),
  complete: publicProcedure.input(completeUploadInput).mutation(async ({ ctx, input }) => {
    const staff = authorize(await ctx.principal(), "catalog.products.write");
    const { slug, media } = await ctx.media.complete(input);
    ctx.invalidateProduct(slug);
    ctx.log.info({ productId: input.productId, mediaId: media.id, by: staff.userId }, "media added");
    return media;
  }),
  remove: publicProcedure.input(removeMediaInput).mutation(async ({ ctx, input }) => {
    const staff = authorize(await ctx.principal(), "catalog.products.write");
    const { slug } = await ctx.media.remove(input.productId, input.mediaId);
    ctx.invalidateProduct(slug);
    ctx.log.info({ productId: input.productId, mediaId: input.mediaId, by: staff.userId }, "media removed");
    return { removed: input.mediaId };
  }),
  reorder: publicProcedure.input(reorderMediaInput).mutation(async ({ ctx, input }) => {
    authorize(await ctx.principal(), "catalog.products.write");
    const { slug, media } = await ctx.media.reorder(input.productId, input.mediaIds);
    ctx.invalidateProduct(slug);
    return media;
  }),
  setAlt: publicProcedure.input(setAltInput).mutation(async ({ ctx, input }) => {
    authorize(await ctx.principal(), "catalog.products.write");
    const { slug, media } = await ctx.media.setAlt(input.productId, input.mediaId, input.alt);
    ctx.invalidateProduct(slug);
    return media;
  }),
});
