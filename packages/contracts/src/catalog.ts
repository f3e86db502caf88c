// Facts the catalog publishes on the `catalog` topic.
import { z } from "zod";
import { defineMessage } from "./envelope";
import { id } from "./shared";

/**
 * Staff created variants (a new product, or a new variant of one). Inventory opens a stock level at
 * every location for each, at zero, so stock can be received and the storefront shows it as sold out
 * rather than unknown.
 */
export const variantsAddedV1 = defineMessage(
  "catalog.variants-added.v1",
  z.object({
    productId: id,
    variants: z
      .array(z.object({ variantId: id, sku: z.string().min(1).max(64) }))
      .min(1)
      .max(500),
  }),
);
