// The storefront's traces (issue 16, item 4): a second storefront of the same build, started with
// TRACING_EXPORTER=zipkin and every trace sampled, reports a product page to the real Zipkin at
// TEST_ZIPKIN_URL as one trace — Next.js's server span for the page and, under it, the fetch that asked
// the catalog for the product (a client span, whose traceparent the catalog receives: see
// packages/observability's tracing test) — read back through Zipkin's HTTP API.
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { createCatalogClient } from "@emporium/catalog/client";
import { realServer, waitFor, type ZipkinSpan } from "@emporium/testkit";
import { startAppInstance, type AppInstance } from "@emporium/testkit/browser-stack";

const SUITE = "the storefront's traces in a real Zipkin";
const zipkin = realServer("TEST_ZIPKIN_URL", `web e2e: ${SUITE}`);
const zipkinUrl = (zipkin.url ?? "").replace(/\/$/, "");
const catalog = createCatalogClient({ url: inject("catalogUrl") });
// A name of this run's own, so traces from other runs into the same Zipkin are not read.
const SERVICE = `web-e2e-${Date.now().toString(36)}`;

let traced: AppInstance | undefined;

beforeAll(async () => {
  if (!zipkin.available) return;
  traced = await startAppInstance({
    app: "web",
    env: (url) => ({
      ...inject("webWiring"),
      NEXTAUTH_URL: url,
      SITE_URL: url,
      TRACING_EXPORTER: "zipkin",
      TRACING_ENDPOINT: `${zipkinUrl}/api/v2/spans`,
      TRACING_SAMPLE_RATIO: "1",
      TRACING_SERVICE_NAME: SERVICE,
    }),
  });
}, 90_000);

afterAll(async () => {
  await traced?.stop();
});

/** The ancestors of a span within its trace, nearest first. */
function ancestors(span: ZipkinSpan, trace: readonly ZipkinSpan[]): ZipkinSpan[] {
  const byId = new Map(trace.map((s) => [s.id, s]));
  const found: ZipkinSpan[] = [];
  for (let at = span.parentId && byId.get(span.parentId); at; at = at.parentId && byId.get(at.parentId))
    found.push(at);
  return found;
}

describe.skipIf(!zipkin.available)(SUITE, () => {
  it("shows a product page's request and its call to the catalog in one trace", async () => {
    const { items } = await catalog.product.list.query({ category: "accessories", limit: 1 });
    const slug = items[0]?.slug ?? "";
    const page = await fetch(`${traced?.url}/p/${slug}`);
    expect(page.status).toBe(200);

    const [trace, request, call] = await waitFor(
      async () => {
        const answer = await fetch(`${zipkinUrl}/api/v2/traces?serviceName=${SERVICE}&limit=50`);
        const traces = (await answer.json()) as ZipkinSpan[][];
        for (const t of traces) {
          const server = t.find((s) => s.kind === "SERVER" && /\/p\/\[slug\]/.test(s.name));
          const client = t.find(
            (s) => s.kind === "CLIENT" && /\/product\.bySlug/.test(s.tags?.["url.full"] ?? ""),
          );
          if (server && client) return [t, server, client] as const;
        }
        return null;
      },
      { what: `the product page's trace in Zipkin (service ${SERVICE})`, timeoutMs: 30_000, intervalMs: 500 },
    );
    expect(ancestors(call, trace).map((s) => s.id)).toContain(request.id);
    expect(request.tags?.["http.status_code"] ?? request.tags?.["http.response.status_code"]).toBe("200");
  });
});
