import { z } from "zod";
import { email, password } from "../schemas";

export const signInInput = z.strictObject({ email, password });
export type SignInInput = z.infer<typeof signInInput>;
