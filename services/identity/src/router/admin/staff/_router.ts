// Staff management for the admin app. Each procedure names the permission its caller must hold.
import { router, staffProcedure } from "../../../trpc";
import { inviteHandler } from "./invite.handler";
import { inviteInput } from "./invite.schema";
import { listHandler } from "./list.handler";
import { setRoleHandler } from "./setRole.handler";
import { setRoleInput } from "./setRole.schema";

export const staffRouter = router({
  list: staffProcedure("staff.read").query(({ ctx }) => listHandler(ctx)),
  setRole: staffProcedure("staff.manage")
    .input(setRoleInput)
    .mutation(({ ctx, input }) => setRoleHandler(ctx, input)),
  invite: staffProcedure("staff.manage")
    .input(inviteInput)
    .mutation(({ ctx, input }) => inviteHandler(ctx, input)),
});
