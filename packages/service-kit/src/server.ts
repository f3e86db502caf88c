// The HTTP surface every backend serves, set up once: tRPC under /trpc/ with the request's ids, caller
// and security headers in its context; /healthz, /readyz and /metrics; a service's own routes before
// them; and a listen() that keeps connections alive longer than callers' pools, rejects when the port
// cannot be had, and drains in-flight requests on close.
import {
  createServer,
  type IncomingHttpHeaders,
  type IncomingMessage,
  type Server,
  type ServerResponse,
} from "node:http";
import { TRPCError, type AnyRouter, type inferRouterContext } from "@trpc/server";
import { createHTTPHandler } from "@trpc/server/adapters/standalone";
import { principalFromHeader, UnauthenticatedError, type Principal } from "@emporium/auth";
import { requestIdsFrom, traceparentOf, type Logger, type ServiceMetrics } from "@emporium/observability";
import { opsHandler, type Readiness, type ReadinessCheck } from "@emporium/runtime";
import type { ServiceContext } from "./trpc";

/** What every request's context holds before a service adds its own ports. */
export type RequestContext = Omit<ServiceContext, "metrics" | "readiness">;

/** A service's context less what each request brings: what its composition root builds once. */
export type ContextBase<Ctx extends ServiceContext> = Omit<Ctx, "requestId" | "traceparent" | "principal">;

/** Sent with every answer: no sniffing, no framing, no referrer. */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  "x-content-type-options": "nosniff",
  "referrer-policy": "no-referrer",
  "x-frame-options": "DENY",
};

// Longer than the callers' idle keep-alive: a client that reuses a pooled connection just as the
// server closes it (Node's default is 5 s) gets a reset instead of an answer.
export const KEEP_ALIVE_MS = 65_000;
const MAX_BODY_BYTES = 64 * 1024;

/** The ids, logger and (lazily verified) caller of one request, from its headers. */
export function requestContext(
  headers: IncomingHttpHeaders,
  log: Logger,
  tokenKey: Uint8Array,
): RequestContext {
  const ids = requestIdsFrom(headers);
  const authorization = headers.authorization;
  let principal: Promise<Principal> | undefined;
  return {
    requestId: ids.requestId,
    traceparent: traceparentOf(ids),
    log: log.child({ requestId: ids.requestId, traceId: ids.traceId }),
    principal: () => (principal ??= principalFromHeader(authorization, tokenKey)),
  };
}

export function sendJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Readonly<Record<string, string>> = {},
): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    ...SECURITY_HEADERS,
    ...headers,
    "content-type": "application/json",
    "content-length": Buffer.byteLength(text),
  });
  res.end(text);
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
  routes?: (req: IncomingMessage, res: ServerResponse, path: string) => Promise<boolean>;
  /** Refuse a present but invalid token with 401 before any procedure runs (instead of on first use). */
  verifyTokenFirst?: boolean;
}

export interface ServiceServer {
  server: Server;
  /** Resolves once listening; rejects when the port cannot be had. */
  listen(port: number, host: string): Promise<void>;
  /** Where it listens, as http://host:port (port 0 resolved to the one the system gave). */
  origin(): string;
  /** Stops taking connections and waits for in-flight requests, ending what remains after `graceMs`. */
  close(graceMs?: number): Promise<void>;
}

export function createServiceServer<TRouter extends AnyRouter>(
  options: ServiceServerOptions<TRouter>,
): ServiceServer {
  const { log } = options;
  const ops = opsHandler(options.metrics, options.checks ?? [], options.readiness);
  const headers = { ...SECURITY_HEADERS, ...options.headers };
  const trpc = createHTTPHandler({
    router: options.router,
    basePath: "/trpc/",
    maxBodySize: MAX_BODY_BYTES,
    createContext: async ({ req, res }) => {
      const request = requestContext(req.headers, log, options.tokenKey);
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
    onError: ({ error, path }) => {
      // INTERNAL_SERVER_ERROR from a procedure is logged with its context by the procedure middleware.
      if (error.code !== "INTERNAL_SERVER_ERROR")
        log.debug({ path, code: error.code, message: error.message }, "request refused");
    },
  });

  const server = createServer((req, res) => {
    const path = (req.url ?? "/").split("?")[0] ?? "/";
    const handle = async (): Promise<void> => {
      if (options.routes && (await options.routes(req, res, path))) return;
      if (path.startsWith("/trpc/")) return trpc(req, res);
      if (await ops(req, res)) return;
      sendJson(res, 404, { error: `no route for ${path}` });
    };
    handle().catch((err: unknown) => {
      log.error({ err, path }, "request failed");
      if (!res.headersSent) sendJson(res, 500, { error: "internal error" });
      else res.destroy();
    });
  });
  server.keepAliveTimeout = KEEP_ALIVE_MS;
  server.headersTimeout = KEEP_ALIVE_MS + 1_000;

  return {
    server,
    listen: (port, host) =>
      new Promise<void>((resolve, reject) => {
        server.once("error", reject);
        server.listen(port, host, () => {
          server.off("error", reject);
          resolve();
        });
      }),
    origin: () => {
      const address = server.address();
      if (!address || typeof address === "string")
        throw new Error("the server is not listening on a TCP port");
      const host = address.family === "IPv6" ? `[${address.address}]` : address.address;
      return `http://${host}:${address.port}`;
    },
    close: (graceMs = 5_000) =>
      new Promise<void>((resolve) => {
        if (!server.listening) return resolve();
        // Open streams (order status over SSE) never end by themselves: they are cut after the grace.
        const cut = setTimeout(() => server.closeAllConnections(), graceMs);
        // A kept-alive connection whose last request ends during the drain goes idle: close it then.
        const sweep = setInterval(() => server.closeIdleConnections(), 100);
        cut.unref();
        sweep.unref();
        server.close(() => {
          clearTimeout(cut);
          clearInterval(sweep);
          resolve();
        });
        server.closeIdleConnections();
      }),
  };
}
