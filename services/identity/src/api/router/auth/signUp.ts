// A shopper opens an account. Staff accounts are only ever made by an owner's invitation. Each email
// gets a limited number of attempts per window, spent before the password is hashed.
//
// The answer is the same whether or not the address has an account, so sign-up tells nobody which
// addresses do: a new (or still unconfirmed) account gets a confirmation link by mail, and cannot be
// signed in to until the link is followed; an address with a confirmed account gets a notice that
// someone tried, and its account is left as it is. Both paths hash the password and send one mail.
import { hashPassword } from "@emporium/auth";
import { UnavailableError } from "@emporium/service-kit/errors";
import { spendAttempt } from "@emporium/service-kit/limits";
import {
  accountExistsMail,
  confirmationLink,
  confirmationMail,
  newConfirmationToken,
} from "../../../domain/confirmation";
import type { SignUpAnswer } from "../../../domain/types";
import { MailNotSentError, type Mail } from "../../../ports/mailer";
import type { Context } from "../../trpc";
import type { SignUpInput } from "./signUp.schema";

export const SIGN_UP_LIMITED = "Too many sign-up attempts for this email";
export const MAIL_NOT_SENT = "We could not send the email just now; please try again in a moment";

export async function signUp(ctx: Context, input: SignUpInput): Promise<SignUpAnswer> {
  await spendAttempt(ctx.limits.signUp, input.email, SIGN_UP_LIMITED);
  const { mail } = ctx;
  const { token, tokenHash } = newConfirmationToken();
  const outcome = await ctx.users.signUp(
    { email: input.email, name: input.name, passwordHash: await hashPassword(input.password) },
    { tokenHash, expiresAt: new Date(Date.now() + mail.confirmationTtlSeconds * 1000) },
  );
  const message: Mail =
    outcome === "taken"
      ? accountExistsMail(input.email, mail.storefrontUrl)
      : confirmationMail(
          input.email,
          input.name,
          confirmationLink(mail.storefrontUrl, token),
          mail.confirmationTtlSeconds,
        );
  try {
    await mail.mailer.send(message);
  } catch (err) {
    if (!(err instanceof MailNotSentError)) throw err;
    ctx.log.error({ err, outcome }, "sign-up mail not sent");
    throw new UnavailableError(MAIL_NOT_SENT);
  }
  ctx.log.info({ outcome }, "sign-up mail sent");
  return { email: input.email, confirmationSent: true };
}
