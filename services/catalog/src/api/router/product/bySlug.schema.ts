// product.bySlug's input: the product's slug.
import { z } from "zod";
import { slug } from "../schemas";

export const bySlugInput = z.strictObject({ slug });
export type BySlugInput = z.infer<typeof bySlugInput>;
