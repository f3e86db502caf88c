// category.byPath's input: a category path in the storefront's URL form.
import { z } from "zod";
import { categoryPath } from "../schemas";

export const byPathInput = z.strictObject({ path: categoryPath });
export type ByPathInput = z.infer<typeof byPathInput>;
