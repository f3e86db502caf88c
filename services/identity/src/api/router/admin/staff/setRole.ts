import type { StaffPrincipal } from "@emporium/service-kit";
import type { StaffMember } from "../../../../domain/types";
import type { Context } from "../../../trpc";
import { staffMemberOf } from "../../views";
import type { SetRoleInput } from "./setRole.schema";

export async function setRole(
  ctx: Context & { staff: StaffPrincipal },
  input: SetRoleInput,
): Promise<StaffMember> {
  const by = ctx.staff;
  const user = await ctx.users.setRole(input.userId, input.role);
  ctx.log.info({ userId: user.id, role: user.role, by: by.userId }, "staff role changed");
  return staffMemberOf(user);
}
