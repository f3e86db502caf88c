// Staff stock procedures. Each names the permission its caller must hold (the matrix lives in
// @emporium/auth); staffProcedure checks it before the input is read.
import { router, staffProcedure } from "../../../trpc";
import { adjustInput, byVariantsInput, lowInput, setLevelsInput, setThresholdInput } from "./schemas";

export const stockRouter = router({
  /** The stock locations, by code: the columns of a stock grid before the product has variants. */
  locations: staffProcedure("inventory.stock.read").query(async ({ ctx }) => {
    return ctx.stock.locations();
  }),
  /** Stock per location, totals and recent adjustments of the given variants (a product's, say). */
  byVariants: staffProcedure("inventory.stock.read")
    .input(byVariantsInput)
    .query(async ({ ctx, input }) => {
      return ctx.stock.overview(input.variantIds, input.historyLimit);
    }),
  adjust: staffProcedure("inventory.stock.adjust")
    .input(adjustInput)
    .mutation(async ({ ctx, input }) => {
      const staff = ctx.staff;
      const result = await ctx.stock.adjust({
        variantId: input.variantId,
        locationId: input.locationId,
        change: input.delta !== undefined ? { delta: input.delta } : { onHand: input.onHand ?? 0 },
        reason: input.reason,
        note: input.note,
        audit: ctx.audit,
      });
      ctx.log.info(
        {
          variantId: input.variantId,
          locationId: input.locationId,
          delta: result.adjustment.delta,
          reason: input.reason,
          by: staff.userId,
        },
        "stock adjusted",
      );
      return result;
    }),
  /** A whole grid of on-hand counts (a product's variants × locations) in one all-or-nothing save. */
  setLevels: staffProcedure("inventory.stock.adjust")
    .input(setLevelsInput)
    .mutation(async ({ ctx, input }) => {
      const result = await ctx.stock.setLevels({ ...input, audit: ctx.audit });
      ctx.log.info(
        {
          variants: input.variants.length,
          changed: result.changed,
          replayed: result.replayed,
          by: ctx.staff.userId,
        },
        "stock levels set",
      );
      return result;
    }),
  setThreshold: staffProcedure("inventory.stock.adjust")
    .input(setThresholdInput)
    .mutation(async ({ ctx, input }) => {
      const staff = ctx.staff;
      const level = await ctx.stock.setThreshold(
        input.variantId,
        input.locationId,
        input.threshold,
        ctx.audit,
      );
      ctx.log.info({ ...input, by: staff.userId }, "low-stock threshold changed");
      return level;
    }),
  /** Variants at or under their threshold, totals across locations (see domain/adjustment.ts). */
  low: staffProcedure("inventory.stock.read")
    .input(lowInput)
    .query(async ({ ctx, input }) => {
      return ctx.stock.low(input.page, input.limit);
    }),
});
