// Staff management for the admin app. Each procedure names the permission its caller must hold.
import { router, staffProcedure } from "../../../trpc";
import { invite } from "./invite";
import { inviteInput } from "./invite.schema";
import { listStaff } from "./list";
import { setRole } from "./setRole";
import { setRoleInput } from "./setRole.schema";

export const staffRouter = router({
  list: staffProcedure("staff.read").query(({ ctx }) => listStaff(ctx)),
  setRole: staffProcedure("staff.manage")
    .input(setRoleInput)
    .mutation(({ ctx, input }) => setRole(ctx, input)),
  invite: staffProcedure("staff.manage")
    .input(inviteInput)
    .mutation(({ ctx, input }) => invite(ctx, input)),
});
