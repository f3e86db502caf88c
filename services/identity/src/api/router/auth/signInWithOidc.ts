// Sign-in through the configured OpenID Connect provider. The app passes the ID token it received; it
// is verified here, then the provider identity finds its account: linked before, or an existing account
// with the same email when the provider has verified that email (linked now), or a new shopper account
// without a password. An unverified email that matches an account is refused — otherwise anyone who can
// register that address at some provider would take the account over.
import { UnauthenticatedError } from "@emporium/auth";
import { PreconditionError } from "@emporium/service-kit/errors";
import type { SignedIn } from "../../../domain/types";
import { InvalidIdTokenError } from "../../../ports/oidc-verifier";
import type { Context } from "../../trpc";
import { accountOf } from "../views";

export const OIDC_NOT_CONFIGURED = "Single sign-on is not configured for this shop";
export const OIDC_UNVERIFIED_EMAIL =
  "Your provider has not verified this email address, and an account with it already exists: sign in with your password";

export async function signInWithOidc(ctx: Context, input: { idToken: string }): Promise<SignedIn> {
  if (!ctx.oidc) throw new PreconditionError(OIDC_NOT_CONFIGURED);
  let who;
  try {
    who = await ctx.oidc.verify(input.idToken);
  } catch (err) {
    if (!(err instanceof InvalidIdTokenError)) throw err;
    ctx.signIns.inc({ outcome: "refused" });
    ctx.log.warn({ reason: err.message }, "OIDC sign-in refused");
    throw new UnauthenticatedError(err.message);
  }
  let user = await ctx.users.byOidc(who.issuer, who.subject);
  if (!user) {
    if (!who.email) throw new UnauthenticatedError("Your provider did not share an email address");
    const existing = await ctx.users.byEmail(who.email);
    if (existing && !who.emailVerified) {
      ctx.signIns.inc({ outcome: "refused" });
      throw new UnauthenticatedError(OIDC_UNVERIFIED_EMAIL);
    }
    user =
      existing ??
      (await ctx.users.create({
        email: who.email,
        name: who.name ?? who.email,
        passwordHash: null,
        role: null,
      }));
    await ctx.users.linkOidc(user.id, who.issuer, who.subject);
    ctx.log.info({ userId: user.id, issuer: who.issuer, created: !existing }, "OIDC identity linked");
  }
  ctx.signIns.inc({ outcome: "ok" });
  const signedIn = await ctx.users.recordSignIn(user.id, new Date());
  return { ...accountOf(signedIn), sessionVersion: signedIn.sessionVersion };
}
