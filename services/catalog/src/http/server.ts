// The catalog's HTTP surface on node:http: tRPC under /trpc, product media under /media, and the
// operational endpoints (/healthz, /readyz, /metrics).
import { createHash } from "node:crypto";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { createHTTPHandler } from "@trpc/server/adapters/standalone";
import { requestIdsFrom, type Logger, type ServiceMetrics } from "@emporium/observability";
import { InvalidObjectKeyError, type ObjectStore } from "@emporium/storage";
import { appRouter } from "../router/_app";
import type { CatalogStore } from "../ports/catalog-store";
import type { Context, Readiness } from "../trpc";

export interface ServerDeps {
  store: CatalogStore;
  media: ObjectStore;
  log: Logger;
  metrics: ServiceMetrics;
  readiness: Readiness;
}

const SECURITY_HEADERS = {
  "x-content-type-options": "nosniff",
  "referrer-policy": "no-referrer",
  "x-frame-options": "DENY",
};

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { ...SECURITY_HEADERS, "content-type": "application/json", "content-length": Buffer.byteLength(text) });
  res.end(text);
}

async function serveMedia(req: IncomingMessage, res: ServerResponse, media: ObjectStore, key: string): Promise<void> {
  let object;
  try {
    object = await media.get(decodeURIComponent(key));
  } catch (err) {
    if (err instanceof InvalidObjectKeyError || err instanceof URIError)
      return sendJson(res, 400, { error: "invalid media key" });
    throw err;
  }
  if (!object) return sendJson(res, 404, { error: "no such media" });
  const etag = `"${createHash("sha1").update(object.body).digest("base64url")}"`;
  const headers = {
    ...SECURITY_HEADERS,
    "content-type": object.contentType,
    "cache-control": "public, max-age=86400, stale-while-revalidate=604800",
    etag,
  };
  if (req.headers["if-none-match"] === etag) {
    res.writeHead(304, headers);
    res.end();
    return;
  }
  res.writeHead(200, { ...headers, "content-length": object.size });
  res.end(req.method === "HEAD" ? undefined : object.body);
}

export function createCatalogServer(deps: ServerDeps): Server {
  const trpc = createHTTPHandler({
    router: appRouter,
    basePath: "/trpc/",
    maxBodySize: 64 * 1024,
    createContext: ({ req, res }): Context => {
      const ids = requestIdsFrom(req.headers);
      res.setHeader("x-request-id", ids.requestId);
      for (const [k, v] of Object.entries(SECURITY_HEADERS)) res.setHeader(k, v);
      return {
        store: deps.store,
        readiness: deps.readiness,
        metrics: deps.metrics,
        requestId: ids.requestId,
        log: deps.log.child({ requestId: ids.requestId, traceId: ids.traceId }),
      };
    },
    onError: ({ error, path }) => {
      if (error.code === "INTERNAL_SERVER_ERROR") return; // logged with context by the procedure middleware
      deps.log.debug({ path, code: error.code, message: error.message }, "request refused");
    },
  });

  return createServer((req, res) => {
    const url = req.url ?? "/";
    const path = url.split("?")[0] ?? "/";
    const handle = async (): Promise<void> => {
      if (path.startsWith("/trpc/")) return trpc(req, res);
      if (req.method !== "GET" && req.method !== "HEAD") return sendJson(res, 405, { error: "method not allowed" });
      if (path.startsWith("/media/")) return serveMedia(req, res, deps.media, path.slice("/media/".length));
      if (path === "/healthz") return sendJson(res, 200, { status: "ok" });
      if (path === "/readyz") {
        if (!deps.readiness.ready) return sendJson(res, 503, { status: "starting", detail: deps.readiness.detail });
        try {
          await deps.store.ping();
          return sendJson(res, 200, { status: "ready" });
        } catch {
          return sendJson(res, 503, { status: "degraded", detail: "database unreachable" });
        }
      }
      if (path === "/metrics") {
        const { contentType, body } = await deps.metrics.render();
        res.writeHead(200, { "content-type": contentType });
        res.end(body);
        return;
      }
      sendJson(res, 404, { error: `no route for ${path}` });
    };
    handle().catch((err: unknown) => {
      deps.log.error({ err, path }, "request failed");
      if (!res.headersSent) sendJson(res, 500, { error: "internal error" });
      else res.destroy();
    });
  });
}
