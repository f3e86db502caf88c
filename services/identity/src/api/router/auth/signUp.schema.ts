import { z } from "zod";
import { email, name, newPassword } from "../schemas";

export const signUpInput = z.strictObject({ email, password: newPassword, name });
export type SignUpInput = z.infer<typeof signUpInput>;
