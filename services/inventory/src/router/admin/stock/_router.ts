// Staff stock procedures. Each asks `authorize` for its own permission before it touches anything —
// the matrix lives in @emporium/auth, and no middleware is trusted to have checked.
import { authorize } from "@emporium/auth";
import { procedure, router } from "../../../trpc";
import { adjustInput, byVariantsInput, lowInput, setThresholdInput } from "./schemas";

export const stockRouter = router({
  /** Stock per location, totals and recent adjustments of the given variants (a product's, say). */
  byVariants: procedure.input(byVariantsInput).query(async ({ ctx, input }) => {
    authorize(await ctx.principal(), "inventory.stock.read");
    return ctx.stock.overview(input.variantIds, input.historyLimit);
  }),
  adjust: procedure.input(adjustInput).mutation(async ({ ctx, input }) => {
    const staff = authorize(await ctx.principal(), "inventory.stock.adjust");
    const result = await ctx.stock.adjust({
      variantId: input.variantId,
      locationId: input.locationId,
      change: input.delta !== undefined ? { delta: input.delta } : { onHand: input.onHand ?? 0 },
      reason: input.reason,
      note: input.note,
      actor: { userId: staff.userId, email: staff.email },
      ...(ctx.traceparent ? { traceparent: ctx.traceparent } : {}),
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
  setThreshold: procedure.input(setThresholdInput).mutation(async ({ ctx, input }) => {
    const staff = authorize(await ctx.principal(), "inventory.stock.adjust");
    const level = await ctx.stock.setThreshold(input.variantId, input.locationId, input.threshold);
    ctx.log.info({ ...input, by: staff.userId }, "low-stock threshold changed");
    return level;
  }),
  /** Variants at or under their threshold, totals across locations (see domain/adjustment.ts). */
  low: procedure.input(lowInput).query(async ({ ctx, input }) => {
    authorize(await ctx.principal(), "inventory.stock.read");
    return ctx.stock.low(input.page, input.limit);
  }),
});
