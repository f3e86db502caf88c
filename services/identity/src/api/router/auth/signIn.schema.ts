import { z } from "zod";
import { email, password } from "../schemas";

export const signInInput = z.strictObject({ email, password });
export type SignInInput = z.infer<typeof signInInput>;

/** A compact JWS: three base64url parts. */
export const signInWithOidcInput = z.strictObject({
  idToken: z
    .string()
    .max(16_384, "must be at most 16384 characters")
    .regex(/^[\w-]+\.[\w-]+\.[\w-]+$/, "must be an ID token (a signed JWT)"),
});
