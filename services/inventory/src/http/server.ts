// The inventory's HTTP surface on its own port (INVENTORY_PORT): the staff stock API under /trpc plus
// /healthz, /readyz and /metrics. Each request's caller is read from its Authorization header on first
// use; every procedure authorizes it itself.
import { createServer, type Server } from "node:http";
import { createHTTPHandler } from "@trpc/server/adapters/standalone";
import { principalFromHeader, type Principal } from "@emporium/auth";
import { requestIdsFrom, traceparentOf } from "@emporium/observability";
import { opsHandler, type ReadinessCheck } from "@emporium/runtime";
import { appRouter } from "../router/_app";
import type { InventoryApiContext } from "../trpc";

export type ContextBase = Omit<InventoryApiContext, "principal" | "requestId" | "traceparent">;

const SECURITY_HEADERS = {
  "x-content-type-options": "nosniff",
  "referrer-policy": "no-referrer",
  "x-frame-options": "DENY",
  // Staff-only figures: nothing here may be kept by a shared cache.
  "cache-control": "no-store",
};

export function createInventoryServer(
  base: ContextBase,
  tokenKey: Uint8Array,
  checks: readonly ReadinessCheck[],
): Server {
  const ops = opsHandler(base.metrics, checks);
  const trpc = createHTTPHandler({
    router: appRouter,
    basePath: "/trpc/",
    maxBodySize: 64 * 1024,
    createContext: ({ req, res }): InventoryApiContext => {
      const ids = requestIdsFrom(req.headers);
      res.setHeader("x-request-id", ids.requestId);
      for (const [k, v] of Object.entries(SECURITY_HEADERS)) res.setHeader(k, v);
      const authorization = req.headers.authorization;
      let principal: Promise<Principal> | undefined;
      return {
        ...base,
        log: base.log.child({ requestId: ids.requestId, traceId: ids.traceId }),
        requestId: ids.requestId,
        traceparent: traceparentOf(ids),
        principal: () => (principal ??= principalFromHeader(authorization, tokenKey)),
      };
    },
    onError: ({ error, path }) => {
      // INTERNAL_SERVER_ERROR from a procedure is logged with its context by the procedure middleware.
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
      .catch((err: unknown) => {
        base.log.error({ err, path }, "request failed");
        if (!res.headersSent) res.writeHead(500).end();
      });
  });
}
