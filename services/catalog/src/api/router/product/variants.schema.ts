// product.variants' input: the variant ids a cart holds, bounded so one call stays small.
import { z } from "zod";

export const variantsInput = z.strictObject({
  ids: z.array(z.uuid("must be variant ids")).min(1).max(100, "at most 100 variants at once"),
});
