// An owner brings someone onto the staff: a new account with a one-time password, or an existing
// shopper's account promoted (it keeps its password; one without a password gets a one-time one).
import { hashPassword } from "@emporium/auth";
import { ConflictError, type StaffPrincipal } from "@emporium/service-kit";
import { temporaryPassword } from "../../../../domain/staff";
import type { Invitation } from "../../../../domain/types";
import type { Context } from "../../../trpc";
import { staffMemberOf } from "../../views";
import type { InviteInput } from "./invite.schema";

export async function invite(
  ctx: Context & { staff: StaffPrincipal },
  input: InviteInput,
): Promise<Invitation> {
  const by = ctx.staff;
  const existing = await ctx.users.byEmail(input.email);
  if (existing?.role)
    throw new ConflictError(
      `${input.email} is already on the staff (${existing.role}); change the role instead`,
    );
  const password = existing?.passwordHash ? null : temporaryPassword();
  const passwordHash = password ? await hashPassword(password) : undefined;
  const user = existing
    ? await ctx.users.promoteShopper(existing.id, input.role, passwordHash)
    : await ctx.users.create({
        email: input.email,
        name: input.name,
        passwordHash: passwordHash ?? null,
        role: input.role,
      });
  ctx.log.info(
    { userId: user.id, role: user.role, by: by.userId, promoted: Boolean(existing) },
    "staff invited",
  );
  return { member: staffMemberOf(user), temporaryPassword: password };
}
