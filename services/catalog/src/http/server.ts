// The catalog's HTTP surface on node:http: tRPC under /trpc, product media under /media, signed
// browser uploads at /uploads (embedded store only), and the operational endpoints (/healthz, /readyz, /metrics).
import { createHash } from "node:crypto";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import { createHTTPHandler } from "@trpc/server/adapters/standalone";
import { principalFromHeader, type Principal } from "@emporium/auth";
import { requestIdsFrom, type Logger, type ServiceMetrics } from "@emporium/observability";
import { InvalidObjectKeyError, type ObjectStore } from "@emporium/storage";
import { STAGING_PREFIX } from "../domain/media-rules";
import { appRouter } from "../router/_app";
import type { MediaLibrary } from "../media/media-library";
import type { CatalogAdminStore } from "../ports/catalog-admin-store";
import type { CatalogStore } from "../ports/catalog-store";
import type { Context, Readiness } from "../trpc";
import type { ResponseCache } from "./response-cache";

export interface ServerDeps {
  store: CatalogStore;
  admin: CatalogAdminStore;
  /** Verifies the service tokens the apps send for signed-in users. */
  tokenKey: Uint8Array;
  invalidateProduct: (slug: string) => void;
  media: ObjectStore;
  mediaLibrary: MediaLibrary;
  /**
   * Receives browser uploads at POST /uploads (the embedded store's signed forms); absent when uploads
   * go straight to S3.
   */
  uploadHandler?: ((req: IncomingMessage, res: ServerResponse) => Promise<void>) | undefined;
  log: Logger;
  metrics: ServiceMetrics;
  readiness: Readiness;
  responseCache: ResponseCache;
}

const SECURITY_HEADERS = {
  "x-content-type-options": "nosniff",
  "referrer-policy": "no-referrer",
  "x-frame-options": "DENY",
};

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    ...SECURITY_HEADERS,
    "content-type": "application/json",
    "content-length": Buffer.byteLength(text),
  });
  res.end(text);
}

async function serveMedia(
  req: IncomingMessage,
  res: ServerResponse,
  media: ObjectStore,
  key: string,
): Promise<void> {
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

/** GET /trpc/<procedure>?input=… for one (not batched) public query, or null. */
function cacheableProcedure(path: string, search: string): string | null {
  const procedure = path.slice("/trpc/".length);
  // Two-part names only: staff procedures (admin.*) answer per caller and are never shared.
  if (!/^[a-zA-Z]+\.[a-zA-Z]+$/.test(procedure) || search.includes("batch=")) return null;
  return procedure;
}

// Short, shared caching for public catalog answers; the storefront's fetch cache and any CDN honour it.
const PUBLIC_CACHE_CONTROL = "public, max-age=5, stale-while-revalidate=30";
const isStaffPath = (path: string) => path.startsWith("admin.");

export function createCatalogServer(deps: ServerDeps): Server {
  let served = 0;
  const bootId = Date.now().toString(36);

  const contextFor = (
    headers: Record<string, string | string[] | undefined>,
    setHeader: (k: string, v: string) => void,
  ): Context => {
    const ids = requestIdsFrom(headers);
    setHeader("x-request-id", ids.requestId);
    let principal: Promise<Principal> | undefined;
    const authorization = headers.authorization;
    return {
      store: deps.store,
      admin: deps.admin,
      media: deps.mediaLibrary,
      principal: () =>
        (principal ??= principalFromHeader(
          typeof authorization === "string" ? authorization : undefined,
          deps.tokenKey,
        )),
      invalidateProduct: deps.invalidateProduct,
      readiness: deps.readiness,
      metrics: deps.metrics,
      requestId: ids.requestId,
      log: deps.log.child({ requestId: ids.requestId, traceId: ids.traceId }),
    };
  };
  const onError = ({
    error,
    path,
  }: {
    error: { code: string; message: string };
    path?: string | undefined;
  }) => {
    if (error.code === "INTERNAL_SERVER_ERROR") return; // logged with context by the procedure middleware
    deps.log.debug({ path, code: error.code, message: error.message }, "request refused");
  };

  const trpc = createHTTPHandler({
    router: appRouter,
    basePath: "/trpc/",
    maxBodySize: 64 * 1024,
    createContext: ({ req, res }) => {
      for (const [k, v] of Object.entries(SECURITY_HEADERS)) res.setHeader(k, v);
      return contextFor(req.headers, (k, v) => res.setHeader(k, v));
    },
    onError,
  });

  /** GET queries: answered from the response cache when possible, otherwise through tRPC and cached. */
  async function query(req: IncomingMessage, res: ServerResponse, url: string, path: string): Promise<void> {
    const started = performance.now();
    const search = url.slice(path.length);
    const procedure = cacheableProcedure(path, search);
    const hit = procedure && deps.readiness.ready ? deps.responseCache.get(url) : undefined;
    if (procedure && hit) {
      res.writeHead(200, {
        ...SECURITY_HEADERS,
        "content-type": hit.contentType,
        "content-length": hit.body.length,
        "x-request-id": `${bootId}-${++served}`,
        "x-cache": "HIT",
        ...(hit.cacheControl ? { "cache-control": hit.cacheControl } : {}),
      });
      res.end(hit.body);
      deps.metrics.observeProcedure(procedure, "query", "OK", (performance.now() - started) / 1000);
      return;
    }
    const headers = new Headers();
    for (const [k, v] of Object.entries(req.headers)) if (typeof v === "string") headers.set(k, v);
    const response = await fetchRequestHandler({
      endpoint: "/trpc",
      req: new Request(`http://catalog${url}`, { method: "GET", headers }),
      router: appRouter,
      createContext: ({ resHeaders }) => contextFor(req.headers, (k, v) => resHeaders.set(k, v)),
      responseMeta: ({ errors, type, paths }) =>
        paths?.some(isStaffPath)
          ? { headers: { "cache-control": "private, no-store" } }
          : errors.length === 0 && type === "query"
            ? { headers: { "cache-control": PUBLIC_CACHE_CONTROL } }
            : {},
      onError,
    });
    const body = Buffer.from(await response.arrayBuffer());
    const contentType = response.headers.get("content-type") ?? "application/json";
    if (procedure && response.status === 200 && deps.readiness.ready)
      deps.responseCache.set(url, { contentType, cacheControl: response.headers.get("cache-control"), body });
    const out: Record<string, string | number> = {
      ...SECURITY_HEADERS,
      "content-length": body.length,
      "x-cache": "MISS",
    };
    response.headers.forEach((value, key) => {
      if (key !== "content-length") out[key] = value;
    });
    res.writeHead(response.status, out);
    res.end(body);
  }

  return createServer((req, res) => {
    const url = req.url ?? "/";
    const path = url.split("?")[0] ?? "/";
    const handle = async (): Promise<void> => {
      if (path.startsWith("/trpc/"))
        return req.method === "GET" ? query(req, res, url, path) : trpc(req, res);
      if (path === "/uploads" && deps.uploadHandler) {
        if (req.method === "POST") return deps.uploadHandler(req, res);
        return sendJson(res, 405, { error: "method not allowed" });
      }
      if (req.method !== "GET" && req.method !== "HEAD")
        return sendJson(res, 405, { error: "method not allowed" });
      // Staged uploads are unchecked bytes: never served, only read back by admin.media.complete.
      if (path.startsWith(`/media/${STAGING_PREFIX}`)) return sendJson(res, 404, { error: "no such media" });
      if (path.startsWith("/media/")) return serveMedia(req, res, deps.media, path.slice("/media/".length));
      if (path === "/healthz") return sendJson(res, 200, { status: "ok" });
      if (path === "/readyz") {
        if (!deps.readiness.ready)
          return sendJson(res, 503, { status: "starting", detail: deps.readiness.detail });
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
