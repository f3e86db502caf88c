// The HTTP surface every tRPC backend serves, on the shared HTTP server (./http.ts): tRPC under /trpc/
// with the request's ids, caller, shopper's address and security headers in its context, after the service's own routes
// and beside /healthz, /readyz and /metrics.
import type { IncomingHttpHeaders, IncomingMessage } from "node:http";
import { TRPCError, type AnyRouter, type inferRouterContext } from "@trpc/server";
import { createHTTPHandler } from "@trpc/server/adapters/standalone";
import { principalFromHeader, UnauthenticatedError, type Principal } from "@emporium/auth";
import {
  activeTraceparent,
  inServerSpan,
  requestIdsFrom,
  traceparentOf,
  type Logger,
  type ServiceMetrics,
} from "@emporium/observability";
import type { Readiness, ReadinessCheck } from "@emporium/runtime/ops";
import { createHttpServer, SECURITY_HEADERS, type Routes, type ServiceServer } from "@emporium/runtime/http";
import { CLIENT_IP_HEADER, parseIp } from "./client-ip";
import { TooManyRequestsError } from "./errors";
import type { ServiceContext } from "./trpc";

/** What the context is built from: the request's headers and its connection's peer. */
export interface IncomingRequest {
  headers: IncomingHttpHeaders;
  socket: { remoteAddress?: string | undefined };
}

/** What every request's context holds before a service adds its own ports. */
export type RequestContext = Omit<ServiceContext, "metrics" | "readiness" | "limits">;

/** A service's context less what each request brings: what its composition root builds once. */
export type ContextBase<Ctx extends ServiceContext> = Omit<
  Ctx,
  "requestId" | "traceparent" | "principal" | "clientIp"
>;

const MAX_BODY_BYTES = 64 * 1024;
/**
 * The most calls one batched request may carry; more is a 400. The apps do not batch at all: the limit
 * only stops one request from running a thousand procedures (or a thousand password checks).
 */
export const MAX_BATCH_SIZE = 10;

/**
 * `Retry-After` for an answer holding a refusal for too many attempts: the longest wait any of its calls
 * was told (a batch may hold several); none when no call was refused so.
 */
export function retryAfterHeader(errors: readonly TRPCError[]): Record<string, string> {
  const waits = errors.flatMap((e) =>
    e.cause instanceof TooManyRequestsError ? [e.cause.retryAfterSeconds] : [],
  );
  return waits.length > 0 ? { "retry-after": String(Math.max(...waits)) } : {};
}

/**
 * The shopper's address: what the calling app named in x-emporium-client-ip, else the peer's own
 * address (a direct caller), else "unknown" (a connection already gone) — never a caller's free text.
 */
export function clientIpOf(req: IncomingRequest): string {
  const named = req.headers[CLIENT_IP_HEADER];
  return parseIp(Array.isArray(named) ? named[0] : named) ?? parseIp(req.socket.remoteAddress) ?? "unknown";
}

/**
 * The ids, logger, shopper's address and (lazily verified) caller of one request. With tracing on, the
 * trace ids are those of the request's span, which the messages it causes then continue.
 */
export function requestContext(req: IncomingRequest, log: Logger, tokenKey: Uint8Array): RequestContext {
  const { headers } = req;
  const ids = requestIdsFrom(headers);
  const traceparent = activeTraceparent() ?? traceparentOf(ids);
  ids.traceId = traceparent.split("-")[1] ?? ids.traceId;
  const authorization = headers.authorization;
  let principal: Promise<Principal> | undefined;
  return {
    requestId: ids.requestId,
    traceparent,
    clientIp: clientIpOf(req),
    log: log.child({ requestId: ids.requestId, traceId: ids.traceId }),
    principal: () => (principal ??= principalFromHeader(authorization, tokenKey)),
  };
}

export interface ServiceServerOptions<TRouter extends AnyRouter> {
  router: TRouter;
  log: Logger;
  metrics: ServiceMetrics;
  /** Verifies the service tokens the apps send for signed-in users and staff. */
  tokenKey: Uint8Array;
  /** The service's context for one request, built on what every request has. */
  createContext: (
    request: RequestContext,
    req: IncomingMessage,
  ) => inferRouterContext<TRouter> | Promise<inferRouterContext<TRouter>>;
  /** What /readyz checks once the service is ready. */
  checks?: readonly ReadinessCheck[];
  /** While not ready, /readyz answers 503 with its detail. */
  readiness?: Readiness;
  /** Headers added to every tRPC answer (e.g. cache-control: no-store where answers name people). */
  headers?: Readonly<Record<string, string>>;
  /** The service's own routes, tried first; resolves true when it answered the request. */
  routes?: Routes;
  /** Refuse a present but invalid token with 401 before any procedure runs (instead of on first use). */
  verifyTokenFirst?: boolean;
}

export function createServiceServer<TRouter extends AnyRouter>(
  options: ServiceServerOptions<TRouter>,
): ServiceServer {
  const { log } = options;
  const headers = { ...SECURITY_HEADERS, ...options.headers };
  const trpc = createHTTPHandler({
    router: options.router,
    basePath: "/trpc/",
    maxBodySize: MAX_BODY_BYTES,
    maxBatchSize: MAX_BATCH_SIZE,
    createContext: async ({ req, res }) => {
      const request = requestContext(req, log, options.tokenKey);
      res.setHeader("x-request-id", request.requestId);
      for (const [k, v] of Object.entries(headers)) res.setHeader(k, v);
      if (options.verifyTokenFirst) {
        try {
          await request.principal();
        } catch (err) {
          if (err instanceof UnauthenticatedError)
            throw new TRPCError({ code: "UNAUTHORIZED", message: err.message, cause: err });
          throw err;
        }
      }
      return options.createContext(request, req);
    },
    responseMeta: ({ errors }) => ({ headers: retryAfterHeader(errors) }),
    onError: ({ error, path }) => {
      // INTERNAL_SERVER_ERROR from a procedure is logged with its context by the procedure middleware.
      if (error.code !== "INTERNAL_SERVER_ERROR")
        log.debug({ path, code: error.code, message: error.message }, "request refused");
    },
  });

  const own = options.routes;
  return createHttpServer({
    log,
    metrics: options.metrics,
    ...(options.checks ? { checks: options.checks } : {}),
    ...(options.readiness ? { readiness: options.readiness } : {}),
    routes: async (req, res, path) => {
      if (own && (await own(req, res, path))) return true;
      if (!path.startsWith("/trpc/")) return false;
      // One span per request; the procedure middleware names it once the procedure is known.
      await inServerSpan(req, res, "/trpc", () => trpc(req, res));
      return true;
    },
  });
}
