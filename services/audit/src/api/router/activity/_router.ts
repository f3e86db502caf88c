// activity.*: owners read the staff audit log. Queries only — the log is append-only, and nothing here
// (nor anywhere in the service) can change or remove an entry; a test asserts the router has no mutation.
import { listActivity, storedActions } from "../../../app/activity";
import { router, staffProcedure } from "../../trpc";
import { activityListInput } from "./schemas";

export const activityRouter = router({
  /** Staff actions, newest first, filtered; `nextCursor` continues the listing. */
  list: staffProcedure("audit.read")
    .input(activityListInput)
    .query(({ ctx, input }) => listActivity({ auditLog: ctx.auditLog, log: ctx.log }, input)),
  /** Every action name stored so far, sorted (the options of the action filter). */
  actions: staffProcedure("audit.read").query(({ ctx }) =>
    storedActions({ auditLog: ctx.auditLog, log: ctx.log }),
  ),
});
