// A shopper opens an account. Staff accounts are only ever made by an owner's invitation.
import { hashPassword } from "@emporium/auth";
import type { Account } from "../../../domain/types";
import type { Context } from "../../trpc";
import { accountOf } from "../views";
import type { SignUpInput } from "./signUp.schema";

export async function signUp(ctx: Context, input: SignUpInput): Promise<Account> {
  const user = await ctx.users.create({
    email: input.email,
    name: input.name,
    passwordHash: await hashPassword(input.password),
    role: null,
  });
  return accountOf(user);
}
