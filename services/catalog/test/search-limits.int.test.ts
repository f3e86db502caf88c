// Searches and search suggestions are limited per address: a scraper walking the shop through the search
// box, or a script hammering autocomplete, is refused with 429 and a message saying what was limited and
// when to try again — through the procedures, over HTTP with Retry-After (counting the address the
// storefront names), and with the counts shared by every replica through Redis. Browsing, and other
// addresses, are still served.
import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { ANONYMOUS } from "@emporium/auth";
import { embeddedTestDatabase } from "@emporium/db/testing";
import { createServiceMetrics } from "@emporium/observability";
import type { ServiceServer } from "@emporium/service-kit";
import { RedisRateLimiter, staffMutationsEnvShape } from "@emporium/service-kit/limits";
import { refusal, requestAs, testLimiter } from "@emporium/service-kit/testing";
import { LocalFolderUploads } from "@emporium/storage";
import { realServer, waitFor } from "@emporium/testkit";
import { PrismaMediaStore } from "../src/adapters/prisma/prisma-media-store";
import { sharpImageProcessor } from "../src/adapters/sharp/sharp-image-processor";
import {
  catalogLimitsEnvShape,
  catalogLimitsOf,
  createCatalogLimits,
  type CatalogLimits,
} from "../src/api/limits";
import { ResponseCache } from "../src/api/response-cache";
import { appRouter } from "../src/api/router/_app";
import { createCatalogServer } from "../src/api/server";
import { createCallerFactory } from "../src/api/trpc";
import { MediaLibrary } from "../src/app/media-library";
import { contextFor, createCatalogFixture, silentLog, type CatalogFixture } from "./fixture";

const redis = realServer("TEST_REDIS_URL", "catalog's search limits shared through Redis");
const createCaller = createCallerFactory(appRouter);

const SEARCHES = /^Too many searches from your network; try again in (1 minute|[1-6]?\d seconds)$/;
const SUGGESTIONS =
  /^Too many search suggestions from your network; try again in (1 minute|[1-6]?\d seconds)$/;

const limitsOf = (search: number, suggest: number): CatalogLimits => ({
  searchPerIp: testLimiter(search, 60),
  suggestPerIp: testLimiter(suggest, 60),
  staffMutations: testLimiter(),
});

/** The fixture's product images (the context has them; no procedure here uses them). */
const mediaOf = (f: CatalogFixture) =>
  new MediaLibrary({
    objects: f.mediaObjects,
    uploads: new LocalFolderUploads({ url: "/uploads", secret: randomBytes(32) }),
    store: new PrismaMediaStore(f.db),
    images: sharpImageProcessor,
    log: silentLog,
  });

describe("search limits per address", () => {
  let f: CatalogFixture;
  let media: MediaLibrary;
  let server: ServiceServer | undefined;

  beforeAll(async () => {
    f = await createCatalogFixture(embeddedTestDatabase());
    media = mediaOf(f);
  });
  afterAll(async () => {
    await server?.close(0);
    await f?.dispose();
  });

  /** A shopper's procedures from `clientIp`, counted against `limits`. */
  const from = (clientIp: string, limits: CatalogLimits) =>
    createCaller({
      ...contextFor(f.store, f.readiness, f.admin, ANONYMOUS, media),
      ...requestAs(ANONYMOUS, { clientIp }),
      limits,
    });

  it("refuses an address's 4th search in the window, but not its browsing nor another address", async () => {
    const limits = limitsOf(3, 100);
    const here = from("203.0.113.60", limits);
    for (const q of ["shirt", "linen", "navy"]) await here.product.list({ q, limit: 2 });
    const limited = await refusal(here.product.list({ q: "wool", limit: 2 }), "TOO_MANY_REQUESTS");
    expect(limited.message).toMatch(SEARCHES);
    expect(limited.cause).toMatchObject({ retryAfterSeconds: expect.any(Number) });
    // Browsing a listing (no search text, or only spaces) is not a search.
    expect((await here.product.list({ limit: 2 })).items).toHaveLength(2);
    expect((await here.product.list({ q: "   ", limit: 2 })).items).toHaveLength(2);
    await from("198.51.100.61", limits).product.list({ q: "wool", limit: 2 });
  });

  it("refuses an address's 5th suggestion request in the window, and serves another address", async () => {
    const limits = limitsOf(100, 4);
    const here = from("2001:db8:60::1", limits);
    for (const q of ["s", "sh", "shi", "shir"]) await here.search.suggest({ q });
    // The same /64 is the same subscriber.
    const limited = await refusal(
      from("2001:db8:60::2", limits).search.suggest({ q: "shirt" }),
      "TOO_MANY_REQUESTS",
    );
    expect(limited.message).toMatch(SUGGESTIONS);
    await from("2001:db8:61::1", limits).search.suggest({ q: "shirt" });
  });

  it("answers 429 with Retry-After over HTTP for the address the storefront names", async () => {
    server = createCatalogServer({
      store: f.store,
      admin: f.admin,
      tokenKey: new Uint8Array(randomBytes(32)),
      invalidateProduct: async () => undefined,
      media: f.mediaObjects,
      mediaLibrary: media,
      log: silentLog,
      metrics: createServiceMetrics("catalog-limits-test"),
      readiness: f.readiness,
      responseCache: new ResponseCache(60_000, 1024 * 1024),
      limits: limitsOf(100, 2),
    });
    await server.listen(0, "127.0.0.1");
    const origin = server.origin();
    const suggest = (q: string, clientIp: string) =>
      fetch(`${origin}/trpc/search.suggest?input=${encodeURIComponent(JSON.stringify({ q }))}`, {
        headers: { "x-emporium-client-ip": clientIp },
      });
    expect((await suggest("li", "203.0.113.62")).status).toBe(200);
    expect((await suggest("lin", "203.0.113.62")).status).toBe(200);
    // An answer the response cache holds costs nothing and is not counted.
    expect((await suggest("li", "203.0.113.62")).headers.get("x-cache")).toBe("HIT");
    const res = await suggest("line", "203.0.113.62");
    expect(res.status).toBe(429);
    const wait = Number(res.headers.get("retry-after"));
    expect(wait).toBeGreaterThanOrEqual(1);
    expect(wait).toBeLessThanOrEqual(60);
    expect(((await res.json()) as { error: { message: string } }).error.message).toMatch(SUGGESTIONS);
    // The refusal was not cached for everyone: another address gets the answer.
    const other = await suggest("line", "198.51.100.63");
    expect([other.status, other.headers.get("x-cache")]).toEqual([200, "MISS"]);
  });
});

describe.runIf(redis.available)("search limits shared through Redis", () => {
  let f: CatalogFixture;
  const replicas: ReturnType<typeof createCatalogLimits>[] = [];

  beforeAll(async () => {
    f = await createCatalogFixture(embeddedTestDatabase());
    // Two replicas' limits, configured as main.ts configures them: 2 searches per address here.
    const env = z
      .object({ REDIS_URL: z.string(), ...catalogLimitsEnvShape, ...staffMutationsEnvShape })
      .parse({ REDIS_URL: redis.url, SEARCH_PER_IP_ATTEMPTS: "2" });
    for (let n = 0; n < 2; n++) replicas.push(createCatalogLimits(catalogLimitsOf(env), silentLog));
    await waitFor(
      () => replicas.every((r) => r.searchPerIp instanceof RedisRateLimiter && r.searchPerIp.shared),
      { what: "the replicas' Redis connections" },
    );
  });
  afterAll(async () => {
    for (const r of replicas) await r.close();
    await f?.dispose();
  });

  it("counts an address's searches on every replica together", async () => {
    // Counts outlive a run in the shared Redis: an address no other run uses.
    const octet = () => Math.floor(Math.random() * 254) + 1;
    const clientIp = `10.${octet()}.${octet()}.${octet()}`;
    const media = mediaOf(f);
    const [one, two] = replicas.map((limits) =>
      createCaller({ ...contextFor(f.store, f.readiness, f.admin, ANONYMOUS, media), limits, clientIp }),
    );
    if (!one || !two) throw new Error("two replicas expected");
    await one.product.list({ q: "shirt", limit: 1 });
    await two.product.list({ q: "linen", limit: 1 });
    for (const replica of [one, two])
      expect(
        (await refusal(replica.product.list({ q: "navy", limit: 1 }), "TOO_MANY_REQUESTS")).message,
      ).toMatch(SEARCHES);
  });
});
