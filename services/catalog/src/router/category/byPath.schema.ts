import { z } from "zod";
import { categoryPath } from "../schemas";

export const byPathInput = z.strictObject({ path: categoryPath });
export type ByPathInput = z.infer<typeof byPathInput>;
