// tRPC for the inventory's staff API: context, error shaping and the one base procedure every route
// uses. Bad input becomes BAD_REQUEST naming the field; domain errors and the 401/403 errors of
// @emporium/auth become their codes; anything unexpected is logged with its request id and answered
// with a plain 500 — no stack, no SQL.
import { initTRPC, TRPCError, type TRPC_ERROR_CODE_KEY } from "@trpc/server";
import { ForbiddenError, UnauthenticatedError, type Principal } from "@emporium/auth";
import type { Logger, ServiceMetrics } from "@emporium/observability";
import { describeZodError } from "@emporium/runtime";
import { ZodError } from "zod";
import { InvalidInputError, NotFoundError } from "./domain/errors";
import type { StockAdminStore } from "./ports/stock-admin-store";

export interface InventoryApiContext {
  stock: StockAdminStore;
  /**
   * The caller, from the request's signed service token (verified on first use). Every staff procedure
   * passes it to `authorize` itself; a token that is present but invalid rejects with a 401 error.
   */
  principal: () => Promise<Principal>;
  log: Logger;
  metrics: ServiceMetrics;
  requestId: string;
  traceparent?: string;
}

const t = initTRPC.context<InventoryApiContext>().create({
  errorFormatter({ shape, error }) {
    const zod = error.cause instanceof ZodError ? describeZodError(error.cause) : null;
    const cause = error.cause;
    const field =
      cause instanceof InvalidInputError || cause instanceof NotFoundError ? cause.field : zod?.field;
    return {
      message: zod ? zod.message : shape.message,
      code: shape.code,
      data: {
        code: shape.data.code,
        httpStatus: shape.data.httpStatus,
        path: shape.data.path,
        ...(field ? { field } : {}),
      },
    };
  },
});

const CODES: [new (...args: never[]) => Error, TRPC_ERROR_CODE_KEY][] = [
  [InvalidInputError, "BAD_REQUEST"],
  [NotFoundError, "NOT_FOUND"],
  [UnauthenticatedError, "UNAUTHORIZED"],
  [ForbiddenError, "FORBIDDEN"],
];

function toTrpcError(err: TRPCError, ctx: InventoryApiContext, path: string): TRPCError {
  if (err.code !== "INTERNAL_SERVER_ERROR") return err;
  const cause = err.cause;
  const code = CODES.find(([type]) => cause instanceof type)?.[1];
  if (cause && code) return new TRPCError({ code, message: cause.message, cause });
  ctx.log.error({ err: cause ?? err, path, requestId: ctx.requestId }, "procedure failed");
  return new TRPCError({
    code: "INTERNAL_SERVER_ERROR",
    message: `The inventory could not answer this request; please try again (request ${ctx.requestId})`,
  });
}

const observed = t.middleware(async ({ ctx, next, path, type }) => {
  const started = performance.now();
  const result = await next();
  const seconds = (performance.now() - started) / 1000;
  if (result.ok) {
    ctx.metrics.observeProcedure(path, type, "OK", seconds);
    return result;
  }
  const error = toTrpcError(result.error, ctx, path);
  ctx.metrics.observeProcedure(path, type, error.code, seconds);
  throw error;
});

export const router = t.router;
/**
 * The base of every procedure. It decides nothing about who may call: each staff procedure calls
 * `authorize(await ctx.principal(), …)` itself, first thing.
 */
export const procedure = t.procedure.use(observed);
export const createCallerFactory = t.createCallerFactory;
