// admin.ops.*: the operations console's dead letters. Every staff role reads them; replaying or
// discarding one is for managers and owners, audited.
import type { AuditScope } from "@emporium/contracts";
import { discardDeadLetter, listDeadLetters, replayDeadLetter } from "../../../../app/operations";
import { router, staffProcedure, type OrdersContext } from "../../../trpc";
import { deadLetterActionInput, deadLettersInput } from "../schemas";

const actionDeps = (ctx: OrdersContext & { audit: AuditScope }) => ({
  commands: ctx.commands,
  recordAudit: ctx.recordAudit,
  audit: ctx.audit,
});

export const adminOpsRouter = router({
  deadLetters: staffProcedure("operations.read")
    .input(deadLettersInput)
    .query(({ ctx, input }) => listDeadLetters(ctx.commands, input.limit)),
  replay: staffProcedure("operations.manage")
    .input(deadLetterActionInput)
    .mutation(async ({ ctx, input }) => {
      const result = await replayDeadLetter(actionDeps(ctx), input);
      ctx.log.info({ ...input, by: ctx.staff.userId }, "dead letter replayed by staff");
      return result;
    }),
  discard: staffProcedure("operations.manage")
    .input(deadLetterActionInput)
    .mutation(async ({ ctx, input }) => {
      const result = await discardDeadLetter(actionDeps(ctx), input);
      ctx.log.info({ ...input, by: ctx.staff.userId }, "dead letter discarded by staff");
      return result;
    }),
});
