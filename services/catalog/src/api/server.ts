// The catalog's HTTP surface on the shared service kit, with the catalog's own routes tried first:
// public tRPC queries (GET) through the response cache, product media under /media, and signed browser
// uploads at /uploads (embedded store only). Mutations, staff calls and the operational endpoints
// (/healthz, /readyz, /metrics) are the kit's.
import { createHash } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import { inServerSpan, nameActiveSpan, type Logger, type ServiceMetrics } from "@emporium/observability";
import {
  createServiceServer,
  MAX_BATCH_SIZE,
  requestContext,
  retryAfterHeader,
  SECURITY_HEADERS,
  sendJson,
  type ContextBase,
  type Readiness,
  type ServiceServer,
} from "@emporium/service-kit";
import { InvalidObjectKeyError, type ObjectStore } from "@emporium/storage";
import { STAGING_PREFIX } from "../domain/media-rules";
import { appRouter } from "./router/_app";
import type { MediaLibrary } from "../app/media-library";
import type { CatalogAdminStore } from "../ports/catalog-admin-store";
import type { CatalogStore } from "../ports/catalog-store";
import type { CatalogLimits } from "./limits";
import type { Context } from "./trpc";
import type { ResponseCache } from "./response-cache";

export interface ServerDeps {
  store: CatalogStore;
  admin: CatalogAdminStore;
  /** Verifies the service tokens the apps send for signed-in users. */
  tokenKey: Uint8Array;
  /** Moves the product's cached answers on, on every replica; resolves once the change is shared. */
  invalidateProduct: (slug: string) => Promise<void>;
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
  /** Searches and suggestions per address, changes per staff member; see createCatalogLimits. */
  limits: CatalogLimits;
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
    // Immutable: an upload is stored under a new random id (variantKey) and the seed writes a key once
    // (it skips keys that exist), so a media URL never names other bytes later.
    "cache-control": "public, max-age=31536000, immutable",
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

export function createCatalogServer(deps: ServerDeps): ServiceServer {
  let served = 0;
  const bootId = Date.now().toString(36);
  const base: ContextBase<Context> = {
    store: deps.store,
    admin: deps.admin,
    media: deps.mediaLibrary,
    invalidateProduct: deps.invalidateProduct,
    readiness: deps.readiness,
    metrics: deps.metrics,
    log: deps.log,
    limits: deps.limits,
  };

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
      nameActiveSpan(`trpc ${procedure}`, {
        "rpc.system": "trpc",
        "rpc.method": procedure,
        "emporium.cache": "hit",
      });
      deps.metrics.observeProcedure(procedure, "query", "OK", (performance.now() - started) / 1000);
      return;
    }
    const ticket = deps.responseCache.ticket;
    const headers = new Headers();
    for (const [k, v] of Object.entries(req.headers)) if (typeof v === "string") headers.set(k, v);
    const response = await fetchRequestHandler({
      endpoint: "/trpc",
      req: new Request(`http://catalog${url}`, { method: "GET", headers }),
      router: appRouter,
      maxBatchSize: MAX_BATCH_SIZE,
      createContext: ({ resHeaders }) => {
        const request = requestContext(req, deps.log, deps.tokenKey);
        resHeaders.set("x-request-id", request.requestId);
        return { ...base, ...request };
      },
      responseMeta: ({ errors, type, paths }) => ({
        headers: {
          // A refusal for too many requests says when to try again, as the kit's own path does.
          ...retryAfterHeader(errors),
          ...(paths?.some(isStaffPath)
            ? { "cache-control": "private, no-store" }
            : errors.length === 0 && type === "query"
              ? { "cache-control": PUBLIC_CACHE_CONTROL }
              : {}),
        },
      }),
      onError: ({ error, path }) => {
        if (error.code !== "INTERNAL_SERVER_ERROR")
          deps.log.debug({ path, code: error.code, message: error.message }, "request refused");
      },
    });
    const body = Buffer.from(await response.arrayBuffer());
    const contentType = response.headers.get("content-type") ?? "application/json";
    if (procedure && response.status === 200 && deps.readiness.ready)
      deps.responseCache.set(
        url,
        { contentType, cacheControl: response.headers.get("cache-control"), body },
        ticket,
      );
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

  async function routes(req: IncomingMessage, res: ServerResponse, path: string): Promise<boolean> {
    const url = req.url ?? "/";
    if (path.startsWith("/trpc/")) {
      if (req.method !== "GET") return false;
      // Its own span, as the kit gives the other requests: GET queries, cached or not, are most of the
      // catalog's traffic and the first hop of a storefront page's trace.
      await inServerSpan(req, res, "/trpc", () => query(req, res, url, path));
      return true;
    }
    if (path === "/uploads" && deps.uploadHandler) {
      const upload = deps.uploadHandler;
      if (req.method === "POST") await inServerSpan(req, res, "/uploads", () => upload(req, res));
      else sendJson(res, 405, { error: "method not allowed" });
      return true;
    }
    if (req.method !== "GET" && req.method !== "HEAD") {
      sendJson(res, 405, { error: "method not allowed" });
      return true;
    }
    // Staged uploads are unchecked bytes: never served, only read back by admin.media.complete.
    if (path.startsWith(`/media/${STAGING_PREFIX}`)) {
      sendJson(res, 404, { error: "no such media" });
      return true;
    }
    if (path.startsWith("/media/")) {
      await inServerSpan(req, res, "/media", () =>
        serveMedia(req, res, deps.media, path.slice("/media/".length)),
      );
      return true;
    }
    return false;
  }

  return createServiceServer({
    router: appRouter,
    log: deps.log,
    metrics: deps.metrics,
    tokenKey: deps.tokenKey,
    readiness: deps.readiness,
    // Without its database the catalog still serves its cached answers: degraded, not unready.
    checks: [{ name: "database", optional: true, check: () => deps.store.ping() }],
    routes,
    createContext: (request) => ({ ...base, ...request }),
  });
}
