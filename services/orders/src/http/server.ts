// The orders service's HTTP surface: tRPC under /trpc (queries, mutations, and order status streams
// over server-sent events) plus /healthz, /readyz and /metrics.
import { createServer, type Server } from "node:http";
import { createHTTPHandler } from "@trpc/server/adapters/standalone";
import { principalFromHeader, type Principal } from "@emporium/auth";
import { requestIdsFrom, traceparentOf } from "@emporium/observability";
import { opsHandler, type ReadinessCheck } from "@emporium/runtime";
import { ordersRouter } from "../router/_app";
import type { OrdersContext } from "../trpc";

export type ContextBase = Omit<OrdersContext, "requestId" | "traceparent" | "idempotencyKey" | "principal">;

const SECURITY_HEADERS = {
  "x-content-type-options": "nosniff",
  "referrer-policy": "no-referrer",
  "x-frame-options": "DENY",
};

export function createOrdersServer(
  base: ContextBase,
  checks: readonly ReadinessCheck[],
  /** Verifies the service tokens the apps send for staff (and signed-in shopper) calls. */
  tokenKey: Uint8Array,
): Server {
  const ops = opsHandler(base.metrics, checks);
  const trpc = createHTTPHandler({
    router: ordersRouter,
    basePath: "/trpc/",
    maxBodySize: 64 * 1024,
    createContext: ({ req, res }): OrdersContext => {
      const ids = requestIdsFrom(req.headers);
      res.setHeader("x-request-id", ids.requestId);
      for (const [k, v] of Object.entries(SECURITY_HEADERS)) res.setHeader(k, v);
      const key = req.headers["idempotency-key"];
      const authorization = req.headers.authorization;
      let principal: Promise<Principal> | undefined;
      return {
        ...base,
        log: base.log.child({ requestId: ids.requestId, traceId: ids.traceId }),
        requestId: ids.requestId,
        traceparent: traceparentOf(ids),
        idempotencyKey: Array.isArray(key) ? key[0] : key,
        principal: () => (principal ??= principalFromHeader(authorization, tokenKey)),
      };
    },
    onError: ({ error, path }) => {
      if (error.code !== "INTERNAL_SERVER_ERROR")
        base.log.debug({ path, code: error.code, message: error.message }, "request refused");
    },
  });
  return createServer((req, res) => {
    const path = (req.url ?? "/").split("?")[0] ?? "/";
    if (path.startsWith("/trpc/")) {
      trpc(req, res);
      return;
    }
    ops(req, res)
      .then((handled) => {
        if (!handled)
          res
            .writeHead(404, { "content-type": "application/json" })
            .end(JSON.stringify({ error: `no route for ${path}` }));
      })
      .catch(() => {
        if (!res.headersSent) res.writeHead(500).end();
      });
  });
}
