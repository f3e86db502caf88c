// The HTTP server every process with an API serves, set up once: its own routes, then /healthz,
// /readyz and /metrics, then a JSON 404; security headers on every answer; a listen() that keeps
// connections alive longer than callers' pools and rejects when the port cannot be had; and a close()
// that drains in-flight requests. Light on purpose (node:http, the ops endpoints, nothing else): tRPC
// backends (@emporium/service-kit), workers (startOpsServer) and the payment provider simulator serve
// through it alike.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { Logger, ServiceMetrics } from "@emporium/observability";
import { opsHandler, type Readiness, type ReadinessCheck } from "./ops-server";

/** Sent with every answer: no sniffing, no framing, no referrer. */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  "x-content-type-options": "nosniff",
  "referrer-policy": "no-referrer",
  "x-frame-options": "DENY",
};

// Longer than the callers' idle keep-alive: a client that reuses a pooled connection just as the
// server closes it (Node's default is 5 s) gets a reset instead of an answer.
export const KEEP_ALIVE_MS = 65_000;

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

/** A process's routes: resolves true when it answered the request. */
export type Routes = (req: IncomingMessage, res: ServerResponse, path: string) => Promise<boolean>;

export interface HttpServerOptions {
  log: Logger;
  metrics: ServiceMetrics;
  routes: Routes;
  /** What /readyz checks once the process is ready. */
  checks?: readonly ReadinessCheck[];
  /** While not ready, /readyz answers 503 with its detail. */
  readiness?: Readiness;
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

export function createHttpServer(options: HttpServerOptions): ServiceServer {
  const { log } = options;
  const ops = opsHandler(options.metrics, options.checks ?? [], options.readiness);
  const server = createServer((req, res) => {
    const path = (req.url ?? "/").split("?")[0] ?? "/";
    const handle = async (): Promise<void> => {
      if (await options.routes(req, res, path)) return;
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

/** A worker's server: the operational endpoints alone, listening. */
export async function startOpsServer(options: {
  host: string;
  port: number;
  log: Logger;
  metrics: ServiceMetrics;
  checks?: readonly ReadinessCheck[];
}): Promise<ServiceServer> {
  const server = createHttpServer({
    log: options.log,
    metrics: options.metrics,
    ...(options.checks ? { checks: options.checks } : {}),
    routes: async () => false,
  });
  await server.listen(options.port, options.host);
  return server;
}
