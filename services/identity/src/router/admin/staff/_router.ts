// Staff management for the admin app. Each handler authorizes the caller itself, first thing.
import { procedure, router } from "../../../trpc";
import { inviteHandler } from "./invite.handler";
import { inviteInput } from "./invite.schema";
import { listHandler } from "./list.handler";
import { setRoleHandler } from "./setRole.handler";
import { setRoleInput } from "./setRole.schema";

export const staffRouter = router({
  list: procedure.query(({ ctx }) => listHandler(ctx)),
  setRole: procedure.input(setRoleInput).mutation(({ ctx, input }) => setRoleHandler(ctx, input)),
  invite: procedure.input(inviteInput).mutation(({ ctx, input }) => inviteHandler(ctx, input)),
});
