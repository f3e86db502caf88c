// tRPC as every backend uses it, set up once: the context every request carries, one error formatter,
// domain errors mapped to their status codes in one table, RED metrics per procedure, a readiness gate,
// and `staffProcedure(permission)`, which authorizes the caller before the procedure runs and limits
// each staff member's changes (mutations). Anything unexpected is logged with its request id and
// answered as a plain 500 — no stack, no SQL.
import { initTRPC, TRPCError, type TRPC_ERROR_CODE_KEY } from "@trpc/server";
import {
  authorize,
  ForbiddenError,
  UnauthenticatedError,
  type Permission,
  type Principal,
} from "@emporium/auth";
import { nameActiveSpan, type Logger, type ServiceMetrics } from "@emporium/observability";
import { describeZodError } from "@emporium/runtime";
import type { Readiness } from "@emporium/runtime/ops";
import type { AuditScope } from "@emporium/contracts";
import { ZodError } from "zod";
import {
  ConflictError,
  InvalidInputError,
  NotFoundError,
  PreconditionError,
  TooManyRequestsError,
  UnavailableError,
} from "./errors";
import { spendAttempt, STAFF_MUTATIONS_LIMITED, type ServiceLimits } from "./limits";

/** What every procedure's context holds; a service's context adds its own ports and settings. */
export interface ServiceContext {
  log: Logger;
  metrics: ServiceMetrics;
  requestId: string;
  /** W3C traceparent of this request, handed on to the messages it causes. */
  traceparent: string;
  /**
   * The caller, from the request's signed service token, verified on first use (public reads never pay
   * for it). A token that is present but invalid rejects with UnauthenticatedError (401).
   */
  principal: () => Promise<Principal>;
  /**
   * The shopper's address: the app's x-emporium-client-ip header, or the connection's peer for a direct
   * caller (see ./client-ip.ts). Limits per address key on rateKeyOfIp(clientIp).
   */
  clientIp: string;
  /** The service's rate limits; every service has at least the one on changes per staff member. */
  limits: ServiceLimits;
  /** Present on services that start slowly: while not ready, every procedure answers 503 with the detail. */
  readiness?: Readiness;
}

/** The caller of a staff procedure, as `staffProcedure` hands it on in `ctx.staff`. */
export type StaffPrincipal = Extract<Principal, { kind: "staff" }>;

type ErrorClass = abstract new (...args: never[]) => Error;

const DOMAIN_ERROR_CODES: ReadonlyArray<readonly [ErrorClass, TRPC_ERROR_CODE_KEY]> = [
  [InvalidInputError, "BAD_REQUEST"],
  [UnauthenticatedError, "UNAUTHORIZED"],
  [ForbiddenError, "FORBIDDEN"],
  [NotFoundError, "NOT_FOUND"],
  [ConflictError, "CONFLICT"],
  [PreconditionError, "PRECONDITION_FAILED"],
  [TooManyRequestsError, "TOO_MANY_REQUESTS"],
  [UnavailableError, "SERVICE_UNAVAILABLE"],
];

/** A domain error as the tRPC error it answers with; anything else unchanged (it becomes a logged 500). */
export function asTrpcError(err: unknown): unknown {
  if (!(err instanceof Error)) return err;
  const code = DOMAIN_ERROR_CODES.find(([type]) => err instanceof type)?.[1];
  return code ? new TRPCError({ code, message: err.message, cause: err }) : err;
}

/**
 * Where in an input the first string holding a NUL character is ("shippingAddress.name"; "" for the
 * input itself), or null. PostgreSQL cannot store NUL in text, and no field needs one: every procedure
 * refuses such input as bad rather than failing in the database.
 */
export function nulPath(value: unknown, path = ""): string | null {
  if (typeof value === "string") return value.includes("\u0000") ? path : null;
  if (typeof value !== "object" || value === null) return null;
  for (const [key, item] of Object.entries(value)) {
    const found = nulPath(item, path ? `${path}.${key}` : key);
    if (found !== null) return found;
  }
  return null;
}

export interface ServiceTrpcOptions {
  /** The service's name as the audit log records it ("catalog"). */
  service: string;
  /** How callers are told which service answered: "The catalog", "The orders service". */
  displayName: string;
}

export function createServiceTrpc<Ctx extends ServiceContext>(options: ServiceTrpcOptions) {
  const t = initTRPC.context<Ctx>().create({
    // Live streams (order status) keep their connection open through proxies with a ping.
    sse: { ping: { enabled: true, intervalMs: 15_000 }, client: { reconnectAfterInactivityMs: 30_000 } },
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
          // A refusal for too many attempts also says, as a number, how long to wait.
          ...(cause instanceof TooManyRequestsError ? { retryAfterSeconds: cause.retryAfterSeconds } : {}),
        },
      };
    },
  });

  function answerFor(err: TRPCError, ctx: ServiceContext, path: string): TRPCError {
    if (err.code !== "INTERNAL_SERVER_ERROR") return err;
    const mapped = asTrpcError(err.cause);
    if (mapped instanceof TRPCError) return mapped;
    ctx.log.error({ err: err.cause ?? err, path, requestId: ctx.requestId }, "procedure failed");
    return new TRPCError({
      code: "INTERNAL_SERVER_ERROR",
      message: `${options.displayName} could not answer this request; please try again (request ${ctx.requestId})`,
    });
  }

  /** The base of every procedure: it decides nothing about who may call. */
  const publicProcedure = t.procedure.use(async ({ ctx, next, path, type, getRawInput }) => {
    const started = performance.now();
    nameActiveSpan(`trpc ${path}`, { "rpc.system": "trpc", "rpc.method": path });
    if (ctx.readiness && !ctx.readiness.ready) {
      ctx.metrics.observeProcedure(path, type, "SERVICE_UNAVAILABLE", 0);
      throw new TRPCError({
        code: "SERVICE_UNAVAILABLE",
        message: `${options.displayName} is starting: ${ctx.readiness.detail}`,
      });
    }
    const nul = nulPath(await getRawInput());
    if (nul !== null) {
      ctx.metrics.observeProcedure(path, type, "BAD_REQUEST", 0);
      const cause = new InvalidInputError(nul || "input", "must not contain a NUL character");
      throw new TRPCError({ code: "BAD_REQUEST", message: cause.message, cause });
    }
    const result = await next();
    const seconds = (performance.now() - started) / 1000;
    if (result.ok) {
      ctx.metrics.observeProcedure(path, type, "OK", seconds);
      return result;
    }
    const error = answerFor(result.error, ctx, path);
    ctx.metrics.observeProcedure(path, type, error.code, seconds);
    throw error;
  });

  /**
   * A staff procedure: the caller must hold `permission` (401 without a valid token, 403 without the
   * role), checked before the input is even read; the procedure gets the staff member as `ctx.staff`.
   * A mutation also spends one of the staff member's changes (ctx.limits.staffMutations): a stolen
   * session or a runaway script cannot rewrite the shop at machine speed. `ctx.audit` names who acts
   * in which request, for the audit event each change writes with it (see @emporium/contracts' audit).
   */
  const staffProcedure = (permission: Permission) =>
    publicProcedure.use(async ({ ctx, next, type }) => {
      const staff = authorize(await ctx.principal(), permission);
      if (type === "mutation")
        await spendAttempt(ctx.limits.staffMutations, staff.userId, STAFF_MUTATIONS_LIMITED);
      const audit: AuditScope = {
        service: options.service,
        actor: { userId: staff.userId, email: staff.email, role: staff.role },
        requestId: ctx.requestId,
        traceparent: ctx.traceparent,
      };
      return next({ ctx: { staff, audit } });
    });

  return {
    router: t.router,
    publicProcedure,
    staffProcedure,
    createCallerFactory: t.createCallerFactory,
  };
}
