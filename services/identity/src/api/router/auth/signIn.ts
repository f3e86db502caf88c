// Checks an email and password. A wrong password and an unknown email get the same answer after the
// same work (an argon2id verification against a decoy hash), so neither the message nor the time
// tells whether an account exists.
import { decoyHash, UnauthenticatedError, verifyPassword } from "@emporium/auth";
import type { SignedIn } from "../../../domain/types";
import type { Context } from "../../trpc";
import { accountOf } from "../views";
import type { SignInInput } from "./signIn.schema";

export const SIGN_IN_REFUSED = "Email or password is incorrect";

export async function signIn(ctx: Context, input: SignInInput): Promise<SignedIn> {
  const user = await ctx.users.byEmail(input.email);
  const matches = await verifyPassword(user?.passwordHash ?? (await decoyHash()), input.password);
  if (!user?.passwordHash || !matches) {
    ctx.signIns.inc({ outcome: "refused" });
    throw new UnauthenticatedError(SIGN_IN_REFUSED);
  }
  ctx.signIns.inc({ outcome: "ok" });
  const signedIn = await ctx.users.recordSignIn(user.id, new Date());
  return { ...accountOf(signedIn), sessionVersion: signedIn.sessionVersion };
}
