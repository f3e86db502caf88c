// A shopper opens an account. Staff accounts are only ever made by an owner's invitation. Each email
// gets a limited number of attempts per window, spent before the password is hashed.
import { hashPassword } from "@emporium/auth";
import { spendAttempt } from "@emporium/service-kit/limits";
import type { Account } from "../../../domain/types";
import type { Context } from "../../trpc";
import { accountOf } from "../views";
import type { SignUpInput } from "./signUp.schema";

export const SIGN_UP_LIMITED = "Too many sign-up attempts for this email";

export async function signUp(ctx: Context, input: SignUpInput): Promise<Account> {
  await spendAttempt(ctx.limits.signUp, input.email, SIGN_UP_LIMITED);
  const user = await ctx.users.create({
    email: input.email,
    name: input.name,
    passwordHash: await hashPassword(input.password),
    role: null,
  });
  return accountOf(user);
}
