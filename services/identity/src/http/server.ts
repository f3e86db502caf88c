// The identity service's HTTP surface: tRPC under /trpc plus /healthz, /readyz and /metrics. Every
// request's caller is established here from its Authorization header; a token that is present but not
// valid is refused with 401 before any procedure runs.
import { createServer, type Server } from "node:http";
import { TRPCError } from "@trpc/server";
import { createHTTPHandler } from "@trpc/server/adapters/standalone";
import { principalFromHeader, UnauthenticatedError, type Principal } from "@emporium/auth";
import { requestIdsFrom } from "@emporium/observability";
import { opsHandler, type ReadinessCheck } from "@emporium/runtime";
import { appRouter } from "../router/_app";
import type { Context } from "../trpc";

export type ContextBase = Omit<Context, "principal" | "requestId">;

const SECURITY_HEADERS = {
  "x-content-type-options": "nosniff",
  "referrer-policy": "no-referrer",
  "x-frame-options": "DENY",
  // Answers name people; nothing here may be kept by a shared cache.
  "cache-control": "no-store",
};

async function principalOf(header: string | undefined, key: Uint8Array): Promise<Principal> {
  try {
    return await principalFromHeader(header, key);
  } catch (err) {
    if (err instanceof UnauthenticatedError)
      throw new TRPCError({ code: "UNAUTHORIZED", message: err.message, cause: err });
    throw err;
  }
}

export function createIdentityServer(
  base: ContextBase,
  tokenKey: Uint8Array,
  checks: readonly ReadinessCheck[],
): Server {
  const ops = opsHandler(base.metrics, checks);
  const trpc = createHTTPHandler({
    router: appRouter,
    basePath: "/trpc/",
    maxBodySize: 64 * 1024,
    createContext: async ({ req, res }): Promise<Context> => {
      const ids = requestIdsFrom(req.headers);
      res.setHeader("x-request-id", ids.requestId);
      for (const [k, v] of Object.entries(SECURITY_HEADERS)) res.setHeader(k, v);
      return {
        ...base,
        principal: await principalOf(req.headers.authorization, tokenKey),
        requestId: ids.requestId,
        log: base.log.child({ requestId: ids.requestId, traceId: ids.traceId }),
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
