import type { StaffMember } from "../../../../domain/types";
import type { Context } from "../../../trpc";
import { staffMemberOf } from "../../views";

export async function listStaff(ctx: Context): Promise<StaffMember[]> {
  return (await ctx.users.listStaff()).map(staffMemberOf);
}
