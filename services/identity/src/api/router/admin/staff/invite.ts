// An owner brings someone onto the staff: a new account with a one-time password, or an existing
// shopper's account promoted (it keeps its password; one without a password, or whose address was never
// confirmed, gets a one-time one).
// Either is audited as staff-member.created, written with the account.
import { hashPassword } from "@emporium/auth";
import type { AuditScope } from "@emporium/contracts";
import { auditMessage } from "@emporium/messaging";
import { ConflictError, type StaffPrincipal } from "@emporium/service-kit";
import { staffAuditRecord, temporaryPassword } from "../../../../domain/staff";
import type { AuditOf } from "../../../../ports/user-store";
import type { Invitation } from "../../../../domain/types";
import type { Context } from "../../../trpc";
import { staffMemberOf } from "../../views";
import type { InviteInput } from "./invite.schema";

export async function invite(
  ctx: Context & { staff: StaffPrincipal; audit: AuditScope },
  input: InviteInput,
): Promise<Invitation> {
  const by = ctx.staff;
  const existing = await ctx.users.byEmail(input.email);
  if (existing?.role)
    throw new ConflictError(
      `${input.email} is already on the staff (${existing.role}); change the role instead`,
    );
  // An unconfirmed account's password may be anyone's who typed the address: it is replaced.
  const password = existing?.passwordHash && existing.emailConfirmedAt ? null : temporaryPassword();
  const passwordHash = password ? await hashPassword(password) : undefined;
  const audit: AuditOf = (before, after) =>
    auditMessage(ctx.audit, staffAuditRecord(before, after, { temporaryPasswordIssued: password !== null }));
  const user = existing
    ? await ctx.users.promoteShopper(existing.id, input.role, passwordHash, audit)
    : await ctx.users.create(
        { email: input.email, name: input.name, passwordHash: passwordHash ?? null, role: input.role },
        audit,
      );
  ctx.log.info(
    { userId: user.id, role: user.role, by: by.userId, promoted: Boolean(existing) },
    "staff invited",
  );
  return { member: staffMemberOf(user), temporaryPassword: password };
}
