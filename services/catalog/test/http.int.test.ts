// The catalog over real HTTP: status codes a browser or proxy sees, media, health and metrics, and a
// server span for every request (tracing is on for the whole file, its spans held in memory).
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { request } from "node:http";
import { MAX_BATCH_SIZE, type ServiceServer } from "@emporium/service-kit";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SpanKind } from "@opentelemetry/api";
import { signServiceToken, tokenKey } from "@emporium/auth";
import { InMemorySpanExporter } from "@opentelemetry/sdk-trace-base";
import { createServiceMetrics, startTracing, stopTracing } from "@emporium/observability";
import { randomBytes } from "node:crypto";
import { createLocalUploadHandler, LocalFolderStore, LocalFolderUploads } from "@emporium/storage";
import { PrismaMediaStore } from "../src/adapters/prisma/prisma-media-store";
import { sharpImageProcessor } from "../src/adapters/sharp/sharp-image-processor";
import { MediaLibrary } from "../src/app/media-library";
import { embeddedTestDatabase } from "@emporium/db/testing";
import { ResponseCache } from "../src/api/response-cache";
import { defaultCatalogLimits } from "../src/api/limits";
import { createCatalogServer } from "../src/api/server";
import type { Readiness } from "@emporium/service-kit";
import { createCatalogFixture, silentLog, type CatalogFixture } from "./fixture";

const pglite = embeddedTestDatabase();
const key = tokenKey("catalog-http-test-secret-0123456789abcdef");
const uploadSecret = randomBytes(32);
const spans = new InMemorySpanExporter();

/** A GET over node:http (no URL normalisation, no fetch client span): its status and x-cache header. */
function rawGet(
  base: string,
  rawPath: string,
  headers: Record<string, string> = {},
): Promise<{ status: number; cache: string | undefined }> {
  const { hostname, port } = new URL(base);
  return new Promise((resolve, reject) => {
    const req = request({ host: hostname, port, path: rawPath, method: "GET", headers }, (res) => {
      res.resume();
      res.on("end", () => {
        const cache = res.headers["x-cache"];
        resolve({ status: res.statusCode ?? 0, cache: typeof cache === "string" ? cache : undefined });
      });
    });
    req.on("error", reject);
    req.end();
  });
}

describe("catalog HTTP server", () => {
  let f: CatalogFixture;
  let server: ServiceServer;
  let base: string;
  let mediaDir: string;
  let media: LocalFolderStore;
  const readiness: Readiness = { ready: true, detail: "ready" };

  beforeAll(async () => {
    await startTracing({
      service: "catalog-http-test",
      exporter: "none",
      sampleRatio: 1,
      spanExporter: spans,
    });
    f = await createCatalogFixture(pglite);
    mediaDir = await mkdtemp(path.join(tmpdir(), "emporium-http-media-"));
    media = new LocalFolderStore(mediaDir);
    await media.put("products/demo/1-navy.webp", Buffer.from("RIFF0000WEBPVP8 "), "image/webp");
    server = createCatalogServer({
      limits: defaultCatalogLimits(silentLog),
      store: f.store,
      admin: f.admin,
      tokenKey: key,
      invalidateProduct: async () => undefined,
      media,
      mediaLibrary: new MediaLibrary({
        objects: media,
        uploads: new LocalFolderUploads({ url: "/uploads", secret: uploadSecret }),
        store: new PrismaMediaStore(f.db),
        images: sharpImageProcessor,
        log: silentLog,
      }),
      uploadHandler: createLocalUploadHandler({
        store: media,
        secret: uploadSecret,
        maxBodyBytes: 1024 * 1024,
      }),
      log: silentLog,
      metrics: createServiceMetrics("catalog-http-test"),
      readiness,
      responseCache: new ResponseCache(60_000, 1024 * 1024),
    });
    await server.listen(0, "127.0.0.1");
    base = server.origin();
  });
  afterAll(async () => {
    await server?.close(0);
    await stopTracing();
    await f?.dispose();
    if (mediaDir) await rm(mediaDir, { recursive: true, force: true });
  });

  const rawStatus = async (rawPath: string) => (await rawGet(base, rawPath)).status;
  const query = (proc: string, input: unknown) =>
    fetch(`${base}/trpc/${proc}?input=${encodeURIComponent(JSON.stringify(input))}`);

  it("answers a listing with 200 JSON", async () => {
    const res = await query("product.list", { limit: 3 });
    expect(res.status).toBe(200);
    const body = (await res.json()) as { result: { data: { items: unknown[] } } };
    expect(body.result.data.items).toHaveLength(3);
    expect(res.headers.get("x-request-id")).toBeTruthy();
    expect(res.headers.get("x-content-type-options")).toBe("nosniff");
    expect(res.headers.get("cache-control")).toMatch(/public/);
  });

  it("answers a repeated GET query from the response cache with identical bytes", async () => {
    const first = await query("product.list", { limit: 2, sort: "price_asc" });
    const second = await query("product.list", { limit: 2, sort: "price_asc" });
    expect(first.headers.get("x-cache")).toBe("MISS");
    expect(second.headers.get("x-cache")).toBe("HIT");
    expect(await second.text()).toBe(await first.text());
    const notFound = await query("product.bySlug", { slug: "missing-thing" });
    const notFoundAgain = await query("product.bySlug", { slug: "missing-thing" });
    expect([notFound.status, notFoundAgain.status]).toEqual([404, 404]);
    expect(notFoundAgain.headers.get("x-cache")).toBe("MISS");
  });

  it("traces each public query, from the cache or not, and each media request under the caller's trace", async () => {
    const traceId = randomBytes(16).toString("hex");
    const parentId = randomBytes(8).toString("hex");
    const traced = { traceparent: `00-${traceId}-${parentId}-01` };
    // node:http, so that the request carries this traceparent rather than a fetch client span's.
    const listing = `/trpc/product.list?input=${encodeURIComponent(JSON.stringify({ limit: 4, sort: "newest" }))}`;
    const answers = [await rawGet(base, listing, traced), await rawGet(base, listing, traced)];
    expect(answers).toEqual([
      { status: 200, cache: "MISS" },
      { status: 200, cache: "HIT" },
    ]);
    expect((await rawGet(base, "/media/products/demo/1-navy.webp", traced)).status).toBe(200);
    await expect
      .poll(() => spans.getFinishedSpans().filter((s) => s.spanContext().traceId === traceId).length)
      .toBe(3);
    const mine = spans.getFinishedSpans().filter((s) => s.spanContext().traceId === traceId);
    expect(mine.map((s) => s.name)).toEqual(["trpc product.list", "trpc product.list", "GET /media"]);
    for (const span of mine) {
      expect(span.kind).toBe(SpanKind.SERVER);
      expect(span.parentSpanContext?.spanId).toBe(parentId);
      expect(span.attributes["http.response.status_code"]).toBe(200);
    }
    expect(mine[1]?.attributes["emporium.cache"]).toBe("hit");
  });

  it("answers bad input with 4xx and a message naming the field — never 5xx, a stack or SQL", async () => {
    const cases: [string, unknown, number, RegExp][] = [
      ["product.list", { limit: 10 ** 9 }, 400, /limit/],
      ["product.list", { cursor: "garbage" }, 400, /cursor/],
      ["product.list", { sort: "cheapest" }, 400, /sort/],
      ["product.list", { priceMin: -5 }, 400, /priceMin/],
      ["product.list", { brands: "kestrel" }, 400, /brands/],
      ["product.list", { category: "nope" }, 404, /nope/],
      ["product.bySlug", { slug: "unknown-product" }, 404, /unknown-product/],
      ["product.bySlug", { slug: "Robert'); DROP TABLE students;--" }, 400, /slug/],
      ["product.bySlug", {}, 400, /slug/],
      ["search.suggest", { q: "a".repeat(500) }, 400, /q/],
    ];
    for (const [proc, input, status, message] of cases) {
      const res = await query(proc, input);
      const text = await res.text();
      expect(res.status, `${proc} ${JSON.stringify(input)} → ${text}`).toBe(status);
      expect(text).toMatch(message);
      expect(text).not.toMatch(/stack|at \w+ \(|SELECT|prisma/i);
    }
    const malformed = await fetch(`${base}/trpc/product.list?input=%7Bnot-json`);
    expect(malformed.status).toBe(400);
    const unknownProcedure = await fetch(`${base}/trpc/product.delete`);
    expect(unknownProcedure.status).toBe(404);
    const wrongMethod = await fetch(`${base}/healthz`, { method: "DELETE" });
    expect(wrongMethod.status).toBe(405);
    // A batch of a thousand listings once answered 7.8 MB; more than the kit's batch size is a 400.
    const batch = (n: number) => {
      const inputs = Object.fromEntries(Array.from({ length: n }, (_, i) => [String(i), { limit: 1 }]));
      const procedures = Array(n).fill("product.list").join(",");
      return fetch(`${base}/trpc/${procedures}?batch=1&input=${encodeURIComponent(JSON.stringify(inputs))}`);
    };
    expect((await batch(2)).status).toBe(200);
    expect((await batch(MAX_BATCH_SIZE + 1)).status).toBe(400);
  });

  it("serves media with caching headers and refuses keys outside the store", async () => {
    const ok = await fetch(`${base}/media/products/demo/1-navy.webp`);
    expect(ok.status).toBe(200);
    expect(ok.headers.get("content-type")).toBe("image/webp");
    // A media key is never reused for other bytes, so browsers and CDNs may keep it for a year.
    expect(ok.headers.get("cache-control")).toBe("public, max-age=31536000, immutable");
    const etag = ok.headers.get("etag") ?? "";
    const again = await fetch(`${base}/media/products/demo/1-navy.webp`, {
      headers: { "if-none-match": etag },
    });
    expect(again.status).toBe(304);
    expect((await fetch(`${base}/media/products/demo/2-red.webp`)).status).toBe(404);
    // fetch() would normalise the dots away; send the path exactly as an attacker would.
    for (const raw of [
      "/media/products/%2e%2e/%2e%2e/secret.webp",
      "/media/products/../../secret.webp",
      "/media/a%00b.webp",
    ])
      expect(await rawStatus(raw), raw).toBe(400);
  });

  it("reports readiness and exposes RED metrics per procedure", async () => {
    expect((await fetch(`${base}/healthz`)).status).toBe(200);
    expect((await fetch(`${base}/readyz`)).status).toBe(200);
    readiness.ready = false;
    readiness.detail = "seeding the catalog (rows 10%)";
    try {
      const starting = await fetch(`${base}/readyz`);
      expect(starting.status).toBe(503);
      expect(await starting.text()).toMatch(/seeding/);
      expect((await query("home.get", undefined)).status).toBe(503);
    } finally {
      readiness.ready = true;
    }
    const metrics = await (await fetch(`${base}/metrics`)).text();
    expect(metrics).toMatch(/rpc_server_duration_seconds_count\{[^}]*procedure="product.list"[^}]*code="OK"/);
    expect(metrics).toMatch(/rpc_server_errors_total\{[^}]*procedure="product.bySlug"[^}]*code="NOT_FOUND"/);
    expect(metrics).toMatch(/process_resident_memory_bytes/);
  });

  it("answers staff procedures per caller: 401 without a valid token, 403 for the wrong role, never cached", async () => {
    const url = `${base}/trpc/admin.products.list?input=${encodeURIComponent(JSON.stringify({ limit: 2 }))}`;
    const bearer = async (principal: Parameters<typeof signServiceToken>[0]) => ({
      authorization: `Bearer ${await signServiceToken(principal, key)}`,
    });
    const anonymous = await fetch(url);
    expect(anonymous.status).toBe(401);
    expect(await anonymous.text()).toMatch(/Sign in/);
    const forged = await fetch(url, {
      headers: {
        authorization: `Bearer ${await signServiceToken({ kind: "staff", userId: "x", email: "x@x", role: "owner" }, tokenKey("some-other-secret-0123456789abcdefghij"))}`,
      },
    });
    expect(forged.status).toBe(401);
    const shopper = await fetch(url, {
      headers: await bearer({ kind: "shopper", userId: "s", email: "s@x" }),
    });
    expect(shopper.status).toBe(403);
    const support = await fetch(url, {
      headers: await bearer({ kind: "staff", userId: "u", email: "u@x", role: "support" }),
    });
    expect(support.status).toBe(200);
    expect(support.headers.get("cache-control")).toBe("private, no-store");
    expect(support.headers.get("x-cache")).toBe("MISS");
    // The answer a staff member got is not served to the next anonymous caller.
    expect((await fetch(url)).status).toBe(401);
    const body = (await support.json()) as { result: { data: { items: unknown[]; total: number } } };
    expect(body.result.data.items).toHaveLength(2);
  });

  it("receives signed uploads at POST /uploads and never serves a staged file", async () => {
    const form = await new LocalFolderUploads({
      url: `${base}/uploads`,
      secret: uploadSecret,
    }).createPresignedUpload("uploads/6f1e2d3c-4b5a-4968-8776-655443322110", {
      contentType: "image/png",
      minBytes: 1,
      maxBytes: 1000,
      expiresInSeconds: 60,
    });
    const body = new FormData();
    for (const [k, v] of Object.entries(form.fields)) body.append(k, v);
    body.append("file", new Blob([new Uint8Array([0x89, 0x50, 0x4e, 0x47])], { type: "image/png" }), "a.png");
    const res = await fetch(form.url, { method: "POST", body });
    expect(res.status).toBe(204);
    expect(await media.exists("uploads/6f1e2d3c-4b5a-4968-8776-655443322110")).toBe(true);
    expect(await rawStatus("/media/uploads/6f1e2d3c-4b5a-4968-8776-655443322110")).toBe(404);
    expect((await fetch(`${base}/uploads`)).status).toBe(405);
  });
});
