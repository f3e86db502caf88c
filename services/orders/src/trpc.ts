// tRPC for the orders service: context, error shaping, and the base procedure. Domain errors become
// 4xx codes naming the field; anything unexpected is logged with its request id and answered with a
// plain 500 — no stack, no SQL. Subscriptions stream over server-sent events.
import { initTRPC, TRPCError } from "@trpc/server";
import { ForbiddenError, UnauthenticatedError, type Principal } from "@emporium/auth";
import type { Logger, ServiceMetrics } from "@emporium/observability";
import { ZodError } from "zod";
import type { CartService } from "./app/cart-service";
import { ConflictError, InvalidInputError, NotFoundError, UnavailableError } from "./domain/errors";
import type { Database } from "@emporium/db";
import type { OrderChanges } from "./live/order-changes";
import type { PaymentAvailability } from "./saga/payment-availability";

export interface OrdersContext {
  db: Database;
  carts: CartService;
  secret: Buffer;
  log: Logger;
  metrics: ServiceMetrics;
  changes: OrderChanges;
  payments: PaymentAvailability;
  reservationTtlMs: number;
  requestId: string;
  traceparent: string;
  /** The Idempotency-Key header, when the caller sent one. */
  idempotencyKey: string | undefined;
  /**
   * The caller, from the request's signed service token (verified on first use, so shoppers' calls
   * never pay for it). Staff procedures pass it to `authorize` themselves; a bad token is a 401.
   */
  principal: () => Promise<Principal>;
}

function issuePath(issue: ZodError["issues"][number]): string {
  const keys = issue.code === "unrecognized_keys" ? issue.keys : [];
  return [...issue.path.map(String), ...keys.slice(0, 1)].join(".");
}

const t = initTRPC.context<OrdersContext>().create({
  sse: { ping: { enabled: true, intervalMs: 15_000 }, client: { reconnectAfterInactivityMs: 30_000 } },
  errorFormatter({ shape, error }) {
    const zod = error.cause instanceof ZodError ? error.cause : null;
    const first = zod?.issues[0];
    const field =
      error.cause instanceof InvalidInputError ? error.cause.field : first ? issuePath(first) : undefined;
    const message = zod
      ? `Invalid input: ${zod.issues
          .slice(0, 5)
          .map(
            (i) =>
              `${issuePath(i) || "input"}: ${i.code === "unrecognized_keys" ? "is not a field this procedure accepts" : i.message}`,
          )
          .join("; ")}`
      : shape.message;
    return {
      message,
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

/** Domain errors as tRPC errors, for code that runs outside the middleware (subscription generators). */
export function asTrpcError(err: unknown): unknown {
  if (err instanceof NotFoundError)
    return new TRPCError({ code: "NOT_FOUND", message: err.message, cause: err });
  if (err instanceof InvalidInputError)
    return new TRPCError({ code: "BAD_REQUEST", message: err.message, cause: err });
  return err;
}

function mapError(err: TRPCError, ctx: OrdersContext, path: string): TRPCError {
  if (err.code !== "INTERNAL_SERVER_ERROR") return err;
  const cause = err.cause;
  if (cause instanceof NotFoundError)
    return new TRPCError({ code: "NOT_FOUND", message: cause.message, cause });
  if (cause instanceof InvalidInputError)
    return new TRPCError({ code: "BAD_REQUEST", message: cause.message, cause });
  if (cause instanceof ConflictError)
    return new TRPCError({ code: "CONFLICT", message: cause.message, cause });
  if (cause instanceof UnauthenticatedError)
    return new TRPCError({ code: "UNAUTHORIZED", message: cause.message, cause });
  if (cause instanceof ForbiddenError)
    return new TRPCError({ code: "FORBIDDEN", message: cause.message, cause });
  if (cause instanceof UnavailableError)
    return new TRPCError({ code: "SERVICE_UNAVAILABLE", message: cause.message, cause });
  ctx.log.error({ err: cause ?? err, path, requestId: ctx.requestId }, "procedure failed");
  return new TRPCError({
    code: "INTERNAL_SERVER_ERROR",
    message: `Something went wrong on our side; please try again (request ${ctx.requestId})`,
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
  const error = mapError(result.error, ctx, path);
  ctx.metrics.observeProcedure(path, type, error.code, seconds);
  throw error;
});

export const router = t.router;
export const publicProcedure = t.procedure.use(observed);
export const createCallerFactory = t.createCallerFactory;
