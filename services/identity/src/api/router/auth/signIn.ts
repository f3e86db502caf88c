// Checks an email and password. A wrong password and an unknown email get the same answer after the
// same work (an argon2id verification against a decoy hash), so neither the message nor the time
// tells whether an account exists. Each address (network) and each account get a limited number of
// attempts per window (counted for unknown emails too, alike), spent before the password is checked;
// signing in clears the account's count, never the address's. An account whose address was never
// confirmed is refused with 412 — and only after its password matched.
import { decoyHash, UnauthenticatedError, verifyPassword } from "@emporium/auth";
import { PreconditionError, TooManyRequestsError } from "@emporium/service-kit/errors";
import { rateKeyOfIp, spendAttempt } from "@emporium/service-kit/limits";
import type { SignedIn } from "../../../domain/types";
import type { Context } from "../../trpc";
import { accountOf } from "../views";
import type { SignInInput } from "./signIn.schema";

export const SIGN_IN_REFUSED = "Email or password is incorrect";
export const SIGN_IN_LIMITED = "Too many sign-in attempts for this account";
export const SIGN_IN_PER_IP_LIMITED = "Too many sign-in attempts from your network";
export const EMAIL_NOT_CONFIRMED =
  "Confirm your email address first: follow the link in the mail we sent you (sign up again for a new one)";

export async function signIn(ctx: Context, input: SignInInput): Promise<SignedIn> {
  try {
    // The address first: a guesser it stops spends none of the accounts' attempts.
    await spendAttempt(ctx.limits.signInPerIp, rateKeyOfIp(ctx.clientIp), SIGN_IN_PER_IP_LIMITED);
    await spendAttempt(ctx.limits.signIn, input.email, SIGN_IN_LIMITED);
  } catch (err) {
    if (err instanceof TooManyRequestsError) ctx.signIns.inc({ outcome: "limited" });
    throw err;
  }
  const user = await ctx.users.byEmail(input.email);
  const matches = await verifyPassword(user?.passwordHash ?? (await decoyHash()), input.password);
  if (!user?.passwordHash || !matches) {
    ctx.signIns.inc({ outcome: "refused" });
    throw new UnauthenticatedError(SIGN_IN_REFUSED);
  }
  // Said only to whoever knows the password, so it tells nobody else the address has an account.
  if (!user.emailConfirmedAt) {
    ctx.signIns.inc({ outcome: "refused" });
    throw new PreconditionError(EMAIL_NOT_CONFIRMED);
  }
  ctx.signIns.inc({ outcome: "ok" });
  await ctx.limits.signIn.reset(input.email);
  const signedIn = await ctx.users.recordSignIn(user.id, new Date());
  return { ...accountOf(signedIn), sessionVersion: signedIn.sessionVersion };
}
