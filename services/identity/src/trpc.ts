// tRPC for the identity service: context, error shaping and the one base procedure every route uses.
// Bad input becomes BAD_REQUEST naming the field; domain errors and the 401/403 errors of
// @emporium/auth become their codes; anything unexpected is logged with its request id and shown to
// callers as a plain 500 without stack, SQL or internals.
import { initTRPC, TRPCError, type TRPC_ERROR_CODE_KEY } from "@trpc/server";
import { ForbiddenError, UnauthenticatedError, type Principal } from "@emporium/auth";
import type { Logger, ServiceMetrics } from "@emporium/observability";
import { describeZodError } from "@emporium/runtime";
import type { Counter } from "prom-client";
import { ZodError } from "zod";
import { ConflictError, InvalidInputError, NotFoundError, PreconditionError } from "./domain/errors";
import type { OidcVerifier } from "./ports/oidc-verifier";
import type { UserStore } from "./ports/user-store";

export interface Readiness {
  ready: boolean;
  /** What the service is doing while not ready ("waiting for the identity schema"). */
  detail: string;
}

export interface Context {
  users: UserStore;
  /** Verifies ID tokens from the configured OpenID Connect provider; null when none is configured. */
  oidc: OidcVerifier | null;
  /** The caller, from the request's verified service token (anonymous without one). */
  principal: Principal;
  log: Logger;
  requestId: string;
  readiness: Readiness;
  metrics: ServiceMetrics;
  /** Sign-in attempts by outcome ("ok", "refused"). */
  signIns: Counter<"outcome">;
}

const t = initTRPC.context<Context>().create({
  errorFormatter({ shape, error }) {
    const zod = error.cause instanceof ZodError ? describeZodError(error.cause) : null;
    const field = error.cause instanceof InvalidInputError ? error.cause.field : zod?.field;
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
  [UnauthenticatedError, "UNAUTHORIZED"],
  [ForbiddenError, "FORBIDDEN"],
  [NotFoundError, "NOT_FOUND"],
  [ConflictError, "CONFLICT"],
  [PreconditionError, "PRECONDITION_FAILED"],
];

function toTrpcError(err: TRPCError, ctx: Context, path: string): TRPCError {
  if (err.code !== "INTERNAL_SERVER_ERROR") return err;
  const cause = err.cause;
  const code = CODES.find(([type]) => cause instanceof type)?.[1];
  if (cause && code) return new TRPCError({ code, message: cause.message, cause });
  ctx.log.error({ err: cause ?? err, path, requestId: ctx.requestId }, "procedure failed");
  return new TRPCError({
    code: "INTERNAL_SERVER_ERROR",
    message: `The identity service could not answer this request; please try again (request ${ctx.requestId})`,
  });
}

const guarded = t.middleware(async ({ ctx, next, path, type }) => {
  const started = performance.now();
  if (!ctx.readiness.ready) {
    ctx.metrics.observeProcedure(path, type, "SERVICE_UNAVAILABLE", 0);
    throw new TRPCError({
      code: "SERVICE_UNAVAILABLE",
      message: `The identity service is starting: ${ctx.readiness.detail}`,
    });
  }
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
 * The base of every procedure. "Public" means only that no middleware decides who may call it: staff
 * procedures call `authorize(ctx.principal, …)` themselves, first thing.
 */
export const procedure = t.procedure.use(guarded);
export const createCallerFactory = t.createCallerFactory;
