// The storefront's logs in a real OpenSearch (issue 16, item 5): a second storefront of the same build,
// started with LOG_SHIP_URL at TEST_OPENSEARCH_URL under an index prefix of this run's own, tracing on,
// and a catalog that fails — a stand-in answering every call with a tRPC 500, as a catalog with a bug
// would. A product page then fails on the server; Next.js hands the error to the instrumentation's
// onRequestError, and its one structured line is read back from the store: service "web", the route, the
// error and the digest the error page shows the shopper, the trace id of the request (the one the
// shopper's request came with, and that the catalog was called under), and none of the request's
// cookies or credentials.
import { randomBytes } from "node:crypto";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { openSearchApi, realServer, waitFor } from "@emporium/testkit";
import { startAppInstance, type AppInstance } from "@emporium/testkit/browser-stack";

const SUITE = "the storefront's logs in a real OpenSearch";
const opensearch = realServer("TEST_OPENSEARCH_URL", `web e2e: ${SUITE}`);
const storeUrl = (opensearch.url ?? "").replace(/\/$/, "");
// Indices of this run's own, so lines from other runs into the same store are not read.
const PREFIX = `web-e2e-logs-${randomBytes(4).toString("hex")}`;

const TRACE_ID = randomBytes(16).toString("hex");
const COOKIE_VALUE = `cookie-${randomBytes(12).toString("hex")}`;
const BEARER_VALUE = `bearer-${randomBytes(12).toString("hex")}`;

/** What the failing catalog was asked, by the traceparent each call carried. */
const catalogCalls: { path: string; traceparent: string | undefined }[] = [];
let failingCatalog: Server | undefined;
let shipping: AppInstance | undefined;

/** A catalog whose every procedure fails with an internal error; it also takes the storefront's spans. */
async function startFailingCatalog(): Promise<string> {
  const server = createServer((req, res) => {
    req.resume();
    if (req.url?.startsWith("/v1/traces")) {
      res.writeHead(200, { "content-type": "application/json" }).end("{}");
      return;
    }
    const traceparent = req.headers.traceparent;
    catalogCalls.push({
      path: req.url ?? "",
      traceparent: Array.isArray(traceparent) ? traceparent[0] : traceparent,
    });
    const procedure = new URL(req.url ?? "/", "http://catalog").pathname.replace(/^\/trpc\//, "");
    const error = {
      message: "the catalog failed (e2e stand-in)",
      code: -32603,
      data: { code: "INTERNAL_SERVER_ERROR", httpStatus: 500, path: procedure },
    };
    res.writeHead(500, { "content-type": "application/json" }).end(JSON.stringify({ error }));
  });
  failingCatalog = server;
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

const store = openSearchApi(storeUrl);

beforeAll(async () => {
  if (!opensearch.available) return;
  const catalog = await startFailingCatalog();
  shipping = await startAppInstance({
    app: "web",
    env: (url) => ({
      ...inject("webWiring"),
      NEXTAUTH_URL: url,
      SITE_URL: url,
      CATALOG_URL: `${catalog}/trpc`,
      LOG_SHIP_URL: storeUrl,
      LOG_SHIP_INDEX_PREFIX: PREFIX,
      LOG_SHIP_RETENTION_DAYS: "0",
      TRACING_EXPORTER: "otlp",
      TRACING_ENDPOINT: `${catalog}/v1/traces`,
      TRACING_SAMPLE_RATIO: "1",
    }),
  });
}, 90_000);

afterAll(async () => {
  await shipping?.stop();
  await new Promise((resolve) => failingCatalog?.close(resolve));
  if (!opensearch.available) return;
  await store("DELETE", `${PREFIX}-*`).catch(() => undefined);
  await store("DELETE", `_index_template/${PREFIX}-template`).catch(() => undefined);
});

describe.skipIf(!opensearch.available)(SUITE, () => {
  it("ships a failed page's error as one line with its route and trace id, and no cookie", async () => {
    const page = await fetch(`${shipping?.url}/p/any-product`, {
      headers: {
        traceparent: `00-${TRACE_ID}-${randomBytes(8).toString("hex")}-01`,
        cookie: `emporium_probe=${COOKIE_VALUE}`,
        authorization: `Bearer ${BEARER_VALUE}`,
      },
    });
    expect(page.status).toBe(500);
    const html = await page.text();
    // The page asked the catalog within the shopper's trace.
    expect(catalogCalls.some((call) => call.traceparent?.split("-")[1] === TRACE_ID)).toBe(true);

    const lines = await waitFor(
      async () => {
        await store("POST", `${PREFIX}-*/_refresh`).catch(() => undefined);
        const found = (await store("POST", `${PREFIX}-*/_search`, {
          query: { term: { service: "web" } },
          size: 1000,
        }).catch(() => null)) as { hits: { hits: { _source: Record<string, unknown> }[] } } | null;
        const sources = found?.hits.hits.map((h) => h._source) ?? [];
        return sources.some((s) => s.route === "/p/[slug]" && s.level === "error") ? sources : null;
      },
      { what: `the failed page's line in OpenSearch (${PREFIX}-*)`, timeoutMs: 30_000, intervalMs: 500 },
    );
    const line = lines.find((s) => s.route === "/p/[slug]" && s.level === "error");
    expect(line).toMatchObject({
      service: "web",
      level: "error",
      path: "/p/any-product",
      method: "GET",
      routerKind: "App Router",
      traceId: TRACE_ID,
      err: { message: expect.stringContaining("the catalog failed") },
    });
    // The reference the error page shows the shopper finds the line.
    const digest = (line?.err as { digest?: unknown } | undefined)?.digest;
    expect(typeof digest === "string" && html.includes(digest), `digest ${String(digest)} on the page`).toBe(
      true,
    );
    // No line the storefront shipped holds the request's cookie or credentials.
    const everything = JSON.stringify(lines);
    expect(everything).not.toContain(COOKIE_VALUE);
    expect(everything).not.toContain(BEARER_VALUE);
  });
});
