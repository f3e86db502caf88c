// An owner changes an account's staff role, or takes it off the staff (it stays a shopper's account);
// audited as staff-member.role-changed, .created or .removed, written with the change.
import type { AuditScope } from "@emporium/contracts";
import { auditMessage } from "@emporium/messaging";
import type { StaffPrincipal } from "@emporium/service-kit";
import { staffAuditRecord } from "../../../../domain/staff";
import type { StaffMember } from "../../../../domain/types";
import type { Context } from "../../../trpc";
import { staffMemberOf } from "../../views";
import type { SetRoleInput } from "./setRole.schema";

export async function setRole(
  ctx: Context & { staff: StaffPrincipal; audit: AuditScope },
  input: SetRoleInput,
): Promise<StaffMember> {
  const by = ctx.staff;
  const user = await ctx.users.setRole(input.userId, input.role, (before, after) =>
    auditMessage(ctx.audit, staffAuditRecord(before, after)),
  );
  ctx.log.info({ userId: user.id, role: user.role, by: by.userId }, "staff role changed");
  return staffMemberOf(user);
}
