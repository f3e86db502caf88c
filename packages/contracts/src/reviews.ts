// Facts the reviews service publishes on the `reviews` topic.
import { z } from "zod";
import { defineMessage } from "./envelope";
import { id } from "./shared";

/**
 * A product's approved reviews changed (one was approved, or an approved one was edited back into
 * moderation or taken down): its rating summary as it now stands, keyed by product id. It carries the
 * whole summary rather than a change, so a reader keeps the latest one per product (for a "4★ & up"
 * facet and a sort by rating) and a repeated event changes nothing. `average` is null while the product
 * has no approved review; otherwise it is rounded to two decimals.
 */
export const productRatingChangedV1 = defineMessage(
  "reviews.rating-changed.v1",
  z
    .object({
      productId: id,
      average: z.number().min(1).max(5).nullable(),
      count: z.number().int().min(0),
    })
    .refine((d) => (d.count === 0) === (d.average === null), {
      message: "average is null exactly when count is 0",
      path: ["average"],
    }),
);
