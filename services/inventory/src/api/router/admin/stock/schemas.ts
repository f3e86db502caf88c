// Inputs of the staff stock procedures. Strict objects: an unknown field is refused by name.
import { z } from "zod";
import { ADJUSTMENT_REASONS, MAX_ON_HAND, MAX_THRESHOLD } from "../../../../domain/adjustment";

const variantId = z.uuid("must be a variant id");
const locationId = z.uuid("must be a location id");
/** Staff's own words on a change; blank is none. */
const note = z
  .string()
  .trim()
  .max(500, "must be at most 500 characters")
  .optional()
  .transform((n) => (n ? n : null));

export const byVariantsInput = z.strictObject({
  variantIds: z.array(variantId).min(1, "name at least one variant").max(200, "at most 200 variants at once"),
  /** How many of the latest adjustments to include (0 for none). */
  historyLimit: z.number().int().min(0).max(100, "must be at most 100").default(20),
});
export type ByVariantsInput = z.infer<typeof byVariantsInput>;

const units = (max: number) =>
  z
    .number("must be a whole number")
    .int("must be a whole number")
    .min(-max)
    .max(max, `must be at most ${max}`);

export const adjustInput = z
  .strictObject({
    variantId,
    locationId,
    /** A signed change of on-hand units … */
    delta: units(MAX_ON_HAND).optional(),
    /** … or the on-hand count found by counting (exactly one of the two). */
    onHand: z
      .number("must be a whole number")
      .int("must be a whole number")
      .min(0, "must not be negative")
      .max(MAX_ON_HAND)
      .optional(),
    reason: z.enum(ADJUSTMENT_REASONS, {
      error: (issue) =>
        issue.input === undefined
          ? "a reason is required"
          : `must be one of ${ADJUSTMENT_REASONS.join(", ")}`,
    }),
    note,
  })
  .superRefine((input, ctx) => {
    if ((input.delta === undefined) === (input.onHand === undefined))
      ctx.addIssue({
        code: "custom",
        path: ["delta"],
        message: "give either a delta or a new on-hand count (not both)",
      });
  });
export type AdjustInput = z.infer<typeof adjustInput>;

export const setThresholdInput = z.strictObject({
  variantId,
  locationId,
  threshold: z
    .number("must be a whole number")
    .int("must be a whole number")
    .min(0, "must not be negative")
    .max(MAX_THRESHOLD, `must be at most ${MAX_THRESHOLD}`),
});
export type SetThresholdInput = z.infer<typeof setThresholdInput>;

export const lowInput = z
  .strictObject({
    page: z.number().int().min(1).max(10_000).default(1),
    limit: z.number().int().min(1).max(100, "must be at most 100").default(20),
  })
  .prefault({});
export type LowInput = z.infer<typeof lowInput>;

/** The most cells one save may set: a product's 100 variants at 20 locations. */
export const MAX_LEVEL_CELLS = 2_000;

export const setLevelsInput = z
  .strictObject({
    /** The same key with the same levels is answered again without changing anything. */
    idempotencyKey: z
      .string("a key for this save is required")
      .regex(/^[\w-]{8,100}$/, "must be 8 to 100 letters, digits, dashes or underscores"),
    note,
    variants: z
      .array(
        z.strictObject({
          variantId,
          /** Its SKU, for a variant the inventory has not heard of from the catalog yet. */
          sku: z.string().trim().min(1, "must not be empty").max(64, "must be at most 64 characters"),
          locations: z
            .array(
              z.strictObject({
                locationId,
                /** The on-hand count to set (checked, with the variant and location named, by the store). */
                onHand: z.number("must be a number of units"),
              }),
            )
            .min(1, "name at least one location"),
        }),
      )
      .min(1, "name at least one variant")
      .max(200, "at most 200 variants at once"),
  })
  .superRefine((input, ctx) => {
    const seen = new Set<string>();
    let cells = 0;
    input.variants.forEach((v, i) => {
      if (seen.has(v.variantId))
        ctx.addIssue({ code: "custom", path: ["variants", i, "variantId"], message: "is listed twice" });
      seen.add(v.variantId);
      const places = new Set<string>();
      v.locations.forEach((l, j) => {
        if (places.has(l.locationId))
          ctx.addIssue({
            code: "custom",
            path: ["variants", i, "locations", j, "locationId"],
            message: `is listed twice for ${v.sku}`,
          });
        places.add(l.locationId);
      });
      cells += v.locations.length;
    });
    if (cells > MAX_LEVEL_CELLS)
      ctx.addIssue({
        code: "custom",
        path: ["variants"],
        message: `at most ${MAX_LEVEL_CELLS} levels at once`,
      });
  });
export type SetLevelsInput = z.infer<typeof setLevelsInput>;
