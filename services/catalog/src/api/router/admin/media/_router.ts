// Staff procedures for product images: list, upload (a signed form, then `complete`), remove, reorder
// and describe. Each names the permission its caller must hold; the work is MediaLibrary's. A change drops the product's
// cached answers so the storefront shows it at once, and is audited in its own transaction — except
// createUpload, which changes nothing of the shop (it signs a form for a staging key that is swept away
// unless `complete` adds the image, and that is audited as product.media-added).
import { router, staffProcedure } from "../../../trpc";
import {
  completeUploadInput,
  createUploadInput,
  mediaListInput,
  removeMediaInput,
  reorderMediaInput,
  setAltInput,
} from "./schemas";

export const mediaRouter = router({
  list: staffProcedure("catalog.products.read")
    .input(mediaListInput)
    .query(async ({ ctx, input }) => {
      return ctx.media.list(input.productId);
    }),
  createUpload: staffProcedure("catalog.products.write")
    .input(createUploadInput)
    .mutation(async ({ ctx, input }) => {
      const staff = ctx.staff;
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
  complete: staffProcedure("catalog.products.write")
    .input(completeUploadInput)
    .mutation(async ({ ctx, input }) => {
      const staff = ctx.staff;
      const { slug, media } = await ctx.media.complete(input, ctx.audit);
      await ctx.invalidateProduct(slug);
      ctx.log.info({ productId: input.productId, mediaId: media.id, by: staff.userId }, "media added");
      return media;
    }),
  remove: staffProcedure("catalog.products.write")
    .input(removeMediaInput)
    .mutation(async ({ ctx, input }) => {
      const staff = ctx.staff;
      const { slug } = await ctx.media.remove(input.productId, input.mediaId, ctx.audit);
      await ctx.invalidateProduct(slug);
      ctx.log.info({ productId: input.productId, mediaId: input.mediaId, by: staff.userId }, "media removed");
      return { removed: input.mediaId };
    }),
  reorder: staffProcedure("catalog.products.write")
    .input(reorderMediaInput)
    .mutation(async ({ ctx, input }) => {
      const { slug, media } = await ctx.media.reorder(input.productId, input.mediaIds, ctx.audit);
      await ctx.invalidateProduct(slug);
      return media;
    }),
  setAlt: staffProcedure("catalog.products.write")
    .input(setAltInput)
    .mutation(async ({ ctx, input }) => {
      const { slug, media } = await ctx.media.setAlt(input.productId, input.mediaId, input.alt, ctx.audit);
      await ctx.invalidateProduct(slug);
      return media;
    }),
});
