import { authorize } from "@emporium/auth";
import type { StaffMember } from "../../../domain/types";
import type { Context } from "../../../trpc";
import { staffMemberOf } from "../../views";

export async function listHandler(ctx: Context): Promise<StaffMember[]> {
  authorize(ctx.principal, "staff.read");
  return (await ctx.users.listStaff()).map(staffMemberOf);
}
