// admin.ops.*: the operations console's dead letters and stuck orders. Every staff role reads them;
// replaying or discarding a dead letter, or sending a stuck order's step again, is for managers and
// owners, audited.
import type { AuditScope } from "@emporium/contracts";
import { discardDeadLetter, listDeadLetters, replayDeadLetter } from "../../../../app/operations";
import { listStuckOrders, retryStuckStep } from "../../../../app/stuck-orders";
import { router, staffProcedure, type OrdersContext } from "../../../trpc";
import { deadLetterActionInput, deadLettersInput, retryStepInput, stuckOrdersInput } from "../schemas";

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
  stuckOrders: staffProcedure("operations.read")
    .input(stuckOrdersInput)
    .query(async ({ ctx, input }) => {
      const olderThanMinutes = input.olderThanMinutes ?? Math.round(ctx.stuckAfterMs / 60_000);
      return {
        olderThanMinutes,
        orders: await listStuckOrders(ctx.unfinished, { olderThanMinutes, limit: input.limit }),
      };
    }),
  retryStep: staffProcedure("operations.manage")
    .input(retryStepInput)
    .mutation(async ({ ctx, input }) => {
      const result = await retryStuckStep(
        {
          saga: ctx.saga,
          stuckAfterMs: ctx.stuckAfterMs,
          reservationTtlMs: ctx.reservationTtlMs,
          audit: ctx.audit,
          traceparent: ctx.traceparent,
        },
        input,
      );
      ctx.log.info({ ...result, by: ctx.staff.userId }, "stuck order's step sent again by staff");
      return result;
    }),
});
