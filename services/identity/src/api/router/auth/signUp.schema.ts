import { z } from "zod";
import { CONFIRMATION_TOKEN } from "../../../domain/confirmation";
import { email, name, newPassword } from "../schemas";

export const signUpInput = z.strictObject({ email, password: newPassword, name });
export type SignUpInput = z.infer<typeof signUpInput>;

export const confirmEmailInput = z.strictObject({
  token: z.string().regex(CONFIRMATION_TOKEN, "must be the token from a confirmation link"),
});
