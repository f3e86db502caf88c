// Following the link in a sign-up mail: the token is used once, before it expires, and confirms the
// account's address so it can be signed in to. A link that is not one of ours, used already or expired
// is refused with 400 and a message saying what to do.
import { InvalidInputError } from "@emporium/service-kit/errors";
import { hashConfirmationToken } from "../../../domain/confirmation";
import type { SignUpAnswer } from "../../../domain/types";
import type { ConfirmationRefusal } from "../../../ports/user-store";
import type { Context } from "../../trpc";

export const CONFIRMATION_REFUSED: Record<ConfirmationRefusal, string> = {
  unknown: "This confirmation link is not valid: open the link from the mail exactly as it was sent",
  used: "This confirmation link has already been used: sign in with your email and password",
  expired: "This confirmation link has expired: sign up again with the same email to get a new one",
};

export async function confirmEmail(ctx: Context, input: { token: string }): Promise<{ email: string }> {
  const confirmed = await ctx.users.confirmEmail(hashConfirmationToken(input.token), new Date());
  if (typeof confirmed === "string") {
    ctx.log.info({ refused: confirmed }, "confirmation link refused");
    throw new InvalidInputError("token", CONFIRMATION_REFUSED[confirmed]);
  }
  ctx.log.info({ userId: confirmed.id }, "email confirmed");
  return { email: confirmed.email } satisfies Pick<SignUpAnswer, "email">;
}
