// Catalog replicas sharing Memcached (L2) and Redis (version counters and their fan-out), against the
// real servers: a change made through one replica's admin API is served by every replica within a
// second; a cold key costs one database query however many replicas ask at once; and each server may
// die and come back (a dedicated instance per test) without an error reaching a shopper.
import { randomBytes, randomUUID } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import pino from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { signServiceToken, tokenKey, type Principal } from "@emporium/auth";
import { testDatabaseTargets } from "@emporium/db/testing";
import { createServiceMetrics, type Logger } from "@emporium/observability";
import { LocalFolderStore, LocalFolderUploads } from "@emporium/storage";
import { realServer, waitFor } from "@emporium/testkit";
import { MemoryCatalogVersions } from "../src/adapters/memory/catalog-versions";
import { MemoryLruCache } from "../src/adapters/memory/lru-cache";
import { MemcachedSharedCache } from "../src/adapters/memcached/memcached-shared-cache";
import { PrismaCatalogStore } from "../src/adapters/prisma/prisma-catalog-store";
import { RedisCatalogVersions } from "../src/adapters/redis/redis-catalog-versions";
import { CachedCatalogStore, type CacheResult, type CacheTtls } from "../src/app/cached-catalog-store";
import { createCatalogClient } from "../src/client";
import type { CatalogVersions, SharedCache } from "../src/ports/cache";
import { createCatalogService, type CatalogService } from "../src/service";
import { createCatalogFixture, silentLog, type CatalogFixture } from "./fixture";
import { dedicatedMemcached, dedicatedRedis, type DedicatedServer } from "@emporium/testkit/processes";
import { tcpProxy } from "./tcp-proxy";
import { openDatabase } from "@emporium/db";

const memcached = realServer("TEST_MEMCACHED_SERVERS", "catalog replicas on Memcached");
const redis = realServer("TEST_REDIS_URL", "catalog replicas on Redis");
// PostgreSQL when there is one (the last target), else PGlite.
const target = testDatabaseTargets("catalog replicas").at(-1);
const key = tokenKey("catalog-replicas-test-secret-0123456789abcdef");
const manager: Principal = { kind: "staff", userId: "m-1", email: "manager@example.com", role: "manager" };

/** A logger that keeps its lines, to count warnings. */
function capturingLog(): { log: Logger; lines: { level: number; msg: string }[] } {
  const lines: { level: number; msg: string }[] = [];
  const log = pino({ level: "info" }, { write: (s: string) => void lines.push(JSON.parse(s) as never) });
  return { log, lines };
}

class CountingStore extends PrismaCatalogStore {
  homeQueries = 0;
  override home() {
    this.homeQueries++;
    return super.home();
  }
}

describe.runIf(memcached.available && redis.available && target)(
  "catalog replicas on Memcached and Redis",
  () => {
    let f: CatalogFixture;
    let mediaDir: string;
    const opened: { close(): Promise<void> }[] = [];

    beforeAll(async () => {
      if (!target) throw new Error("no database target");
      f = await createCatalogFixture(target);
      mediaDir = await mkdtemp(path.join(tmpdir(), "emporium-replicas-media-"));
    }, 120_000);
    afterAll(async () => {
      for (const c of opened.reverse()) await c.close();
      await f?.dispose();
      if (mediaDir) await rm(mediaDir, { recursive: true, force: true });
    });

    function replicaStore(
      inner: PrismaCatalogStore,
      o: { l2: SharedCache; versions: CatalogVersions; ttls?: CacheTtls; results?: CacheResult[] },
    ) {
      return new CachedCatalogStore(inner, {
        l1: new MemoryLruCache(),
        l2: o.l2,
        versions: o.versions,
        log: silentLog,
        ...(o.ttls ? { ttls: o.ttls } : {}),
        observe: (level, result) => {
          if (level === "l2") o.results?.push(result);
        },
      });
    }

    const sharedMemcached = () => {
      const c = new MemcachedSharedCache({ servers: (memcached.url ?? "").split(","), log: silentLog });
      opened.push(c);
      return c;
    };
    async function redisVersions(prefix: string, url = redis.url ?? "", log = silentLog) {
      const v = new RedisCatalogVersions({ redisUrl: url, log, prefix });
      opened.push(v);
      await v.start();
      return v;
    }

    it("answers 200 concurrent requests for a cold key on two replicas with one database query", async () => {
      const prefix = `emporium-test:${randomUUID()}`;
      const inner = new CountingStore(f.db);
      const replicas = [
        replicaStore(inner, { l2: sharedMemcached(), versions: await redisVersions(prefix) }),
        replicaStore(inner, { l2: sharedMemcached(), versions: await redisVersions(prefix) }),
      ];
      const answers = await Promise.all(Array.from({ length: 200 }, (_, i) => replicas[i % 2]?.home()));
      expect(answers.every((a) => a && a.newArrivals.length > 0)).toBe(true);
      expect(inner.homeQueries).toBe(1);
    });

    describe("two catalog services over HTTP", () => {
      const services: CatalogService[] = [];
      let clients: ReturnType<typeof createCatalogClient>[];
      let staff: ReturnType<typeof createCatalogClient>;

      beforeAll(async () => {
        const namespace = `emporium-test:${randomUUID()}`;
        const media = new LocalFolderStore(mediaDir);
        for (let i = 0; i < 2; i++) {
          const service = createCatalogService({
            db: f.db,
            media,
            uploads: new LocalFolderUploads({ url: "/uploads", secret: randomBytes(32) }),
            log: silentLog,
            metrics: createServiceMetrics(`catalog-replica-${i}`),
            tokenKey: key,
            memcachedServers: (memcached.url ?? "").split(","),
            redisUrl: redis.url,
            cacheNamespace: namespace,
          });
          await service.start();
          await service.server.listen(0, "127.0.0.1");
          service.readiness.ready = true;
          services.push(service);
        }
        clients = services.map((s) => createCatalogClient({ url: `${s.server.origin()}/trpc` }));
        const first = services[0];
        if (!first) throw new Error("no replica");
        staff = createCatalogClient({
          url: `${first.server.origin()}/trpc`,
          headers: async () => ({ authorization: `Bearer ${await signServiceToken(manager, key)}` }),
        });
      });
      afterAll(async () => {
        for (const s of services) {
          await s.server.close(0);
          await s.stop();
        }
      });

      /** Milliseconds until every replica answers as `done` says, polling every 20 ms. */
      async function untilEveryReplica(done: (client: (typeof clients)[number]) => Promise<boolean>) {
        const started = Date.now();
        await waitFor(async () => (await Promise.all(clients.map(done))).every(Boolean), {
          timeoutMs: 5_000,
          intervalMs: 20,
        });
        return Date.now() - started;
      }

      it("serves a price changed through one replica's admin API on every replica within a second", async () => {
        const page = await clients[0]?.product.list.query({ sort: "newest", limit: 5 });
        const card = page?.items[0];
        if (!card) throw new Error("no product listed");
        const product = await clients[1]?.product.bySlug.query({ slug: card.slug });
        const variant = product?.variants[0];
        if (!variant) throw new Error("no variant");
        // Both replicas have the product and the listing cached now.
        for (const c of clients) {
          await c.product.bySlug.query({ slug: card.slug });
          await c.product.list.query({ sort: "newest", limit: 5 });
        }
        const price = variant.price + 111;
        await staff.admin.variants.setPrice.mutate({ variantId: variant.id, price });
        const elapsed = await untilEveryReplica(async (c) => {
          const detail = await c.product.bySlug.query({ slug: card.slug });
          const listed = await c.product.list.query({ sort: "newest", limit: 5 });
          return (
            detail.variants.some((v) => v.id === variant.id && v.price === price) &&
            (listed.items.find((i) => i.slug === card.slug)?.maxPrice ?? 0) >= price
          );
        });
        expect(elapsed).toBeLessThan(1_000);
      });

      it("removes an archived product from every page, listing, search and sitemap within a second", async () => {
        const page = await clients[0]?.product.list.query({ sort: "newest", limit: 5 });
        const card = page?.items[1];
        if (!card) throw new Error("no product listed");
        const words = card.title.split(" ").slice(0, 2).join(" ");
        const shows = async (c: (typeof clients)[number]) => {
          const [detail, listed, found, sitemap] = await Promise.all([
            c.product.bySlug.query({ slug: card.slug }).then(
              () => true,
              (err: unknown) => (String(err).includes("No product") ? false : Promise.reject(err)),
            ),
            c.product.list.query({ sort: "newest", limit: 5 }),
            c.product.list.query({ q: words, limit: 60 }),
            c.sitemap.entries.query(),
          ]);
          return {
            detail,
            listed: listed.items.some((i) => i.slug === card.slug),
            found: found.items.some((i) => i.slug === card.slug),
            sitemap: sitemap.some((e) => e.path.endsWith(`/${card.slug}`)),
          };
        };
        for (const c of clients)
          expect(await shows(c)).toEqual({ detail: true, listed: true, found: true, sitemap: true });
        await staff.admin.products.setStatus.mutate({ id: card.id, status: "ARCHIVED" });
        const elapsed = await untilEveryReplica(async (c) =>
          Object.values(await shows(c)).every((shown) => !shown),
        );
        expect(elapsed).toBeLessThan(1_000);
      });
    });

    describe("when a server dies and comes back", () => {
      // Every dedicated server a test starts, stopped at the end whatever happened.
      const started: DedicatedServer[] = [];
      const dedicated = async (start: () => Promise<DedicatedServer>) => {
        const server = await start();
        started.push(server);
        return server;
      };
      afterAll(async () => {
        for (const server of started) await server.stop();
      });

      it("Memcached: answers keep coming from L1 and PostgreSQL, one warning, and hits return", async () => {
        const server = await dedicated(dedicatedMemcached);
        const { log, lines } = capturingLog();
        const servers = [`127.0.0.1:${server.port}`];
        const l2 = new MemcachedSharedCache({ servers, log });
        opened.push(l2);
        const inner = new PrismaCatalogStore(f.db);
        const ttls: CacheTtls = { freshMs: 200, staleMs: 60_000, uncoordinatedMs: 200 };
        const versions = new MemoryCatalogVersions();
        await versions.start();
        const store = replicaStore(inner, { l2, versions, ttls });
        const browse = async (n: number) => {
          for (let i = 0; i < n; i++) {
            await store.home();
            await store.categoryTree();
            await new Promise((r) => setTimeout(r, 10));
          }
        };
        /** What a replica that has nothing in L1 yet finds in L2. */
        const newReplicaFinds = async () => {
          const results: CacheResult[] = [];
          await replicaStore(inner, { l2, versions, ttls, results }).home();
          return results;
        };
        await browse(5);
        expect(await newReplicaFinds()).toEqual(["hit"]);
        await server.stop();
        await browse(40); // no error thrown: answers from L1 and PostgreSQL
        expect(await newReplicaFinds()).toEqual(["miss"]);
        const warnings = lines.filter((l) => l.level === 40 && l.msg.startsWith("Memcached is unreachable"));
        expect(warnings).toHaveLength(1);
        await server.start();
        // memjs tries a failed server again after 5 s; then answers are shared again.
        await waitFor(
          async () => {
            await browse(3);
            return (await newReplicaFinds()).includes("hit");
          },
          { timeoutMs: 15_000, intervalMs: 200 },
        );
        expect(lines.some((l) => l.msg === "Memcached is back")).toBe(true);
      }, 30_000);

      it("Redis: replicas keep serving, entries live seconds, and changes made meanwhile reach everyone", async () => {
        const server = await dedicated(dedicatedRedis);
        const url = `redis://127.0.0.1:${server.port}`;
        const prefix = `emporium-test:${randomUUID()}`;
        const { log, lines } = capturingLog();
        const ttls: CacheTtls = { freshMs: 60_000, staleMs: 60_000, uncoordinatedMs: 300 };
        const [va, vb] = [await redisVersions(prefix, url, log), await redisVersions(prefix, url)];
        const inner = new CountingStore(f.db);
        const a = replicaStore(inner, { l2: sharedMemcached(), versions: va, ttls });
        const b = replicaStore(inner, { l2: sharedMemcached(), versions: vb, ttls });
        await a.home();
        await b.home();
        const [before] = await vb.read(["catalog"]);

        await server.stop();
        await waitFor(() => !va.coordinated && !vb.coordinated, { timeoutMs: 5_000 });
        // Browsing goes on; the change made on a replica during the outage shows there at once, and on
        // the other once its short-lived entries expire.
        const queries = inner.homeQueries;
        await a.productChanged("some-product");
        await a.home();
        expect(inner.homeQueries).toBe(queries + 1);
        await new Promise((r) => setTimeout(r, 350));
        await b.home();
        expect(inner.homeQueries).toBe(queries + 2);
        expect(lines.filter((l) => l.msg.startsWith("Redis is unreachable"))).toHaveLength(1);

        await server.start();
        await waitFor(() => va.coordinated && vb.coordinated, { timeoutMs: 10_000 });
        // The bump made during the outage was pushed when Redis returned: b heard of it.
        await waitFor(async () => (await vb.read(["catalog"]))[0] !== before, { timeoutMs: 2_000 });
        expect(await vb.read(["catalog", "product:some-product"])).toEqual(
          await va.read(["catalog", "product:some-product"]),
        );
      }, 30_000);

      it("PostgreSQL unreachable: pages keep their last good answers, live reads are a quick 503", async () => {
        if (!f.url) return; // PGlite has no server to lose; CI runs this on PostgreSQL
        const real = new URL(f.url);
        const proxy = await tcpProxy(Number(real.port || 5432));
        opened.push(proxy);
        const viaProxy = new URL(f.url);
        viaProxy.hostname = "127.0.0.1";
        viaProxy.port = String(proxy.port);
        const db = await openDatabase({ databaseUrl: viaProxy.toString(), poolSize: 4 });
        opened.push(db);
        const service = createCatalogService({
          db,
          media: new LocalFolderStore(mediaDir),
          uploads: new LocalFolderUploads({ url: "/uploads", secret: randomBytes(32) }),
          log: silentLog,
          metrics: createServiceMetrics("catalog-db-outage"),
          tokenKey: key,
          cacheFreshMs: 100, // answers go stale at once: each read below asks the database again
          httpCacheMs: 0,
        });
        await service.start();
        await service.server.listen(0, "127.0.0.1");
        service.readiness.ready = true;
        opened.push({ close: async () => (await service.server.close(0), await service.stop()) });
        const client = createCatalogClient({ url: `${service.server.origin()}/trpc` });
        const listing = await client.product.list.query({ sort: "newest", limit: 5 });
        const slug = listing.items[0]?.slug ?? "";
        const product = await client.product.bySlug.query({ slug });
        const variantIds = product.variants.map((v) => v.id);
        await new Promise((r) => setTimeout(r, 150));

        await proxy.cut();
        for (let i = 0; i < 8; i++) {
          const started = Date.now();
          expect(await client.product.list.query({ sort: "newest", limit: 5 })).toEqual(listing);
          expect(await client.product.bySlug.query({ slug })).toEqual(product);
          expect(Date.now() - started).toBeLessThan(4_000);
        }
        // Live reads (carts, checkout) cannot be answered from a cache: a 503 saying so, fast.
        const started = Date.now();
        const refused = await client.product.variants.query({ ids: variantIds }).then(
          () => null,
          (err: unknown) => err,
        );
        expect(Date.now() - started).toBeLessThan(4_000);
        expect(String(refused)).toMatch(/cannot reach its database/);
        expect((refused as { data?: { httpStatus?: number } }).data?.httpStatus).toBe(503);
        // Still ready for a load balancer (it serves), and says the database is failing.
        const ready = await fetch(`${service.server.origin()}/readyz`);
        expect(ready.status).toBe(200);
        expect(await ready.json()).toMatchObject({ status: "degraded", failing: ["database"] });

        await proxy.restore();
        await waitFor(
          async () => (await client.product.variants.query({ ids: variantIds })).length === variantIds.length,
          { timeoutMs: 15_000, intervalMs: 250 },
        );
      }, 40_000);

      it("a shutdown is not an outage: closing the Redis connections logs no warning", async () => {
        const { log, lines } = capturingLog();
        const versions = new RedisCatalogVersions({
          redisUrl: redis.url ?? "",
          log,
          prefix: `emporium-test:${randomUUID()}`,
        });
        await versions.start();
        await versions.close();
        await new Promise((r) => setTimeout(r, 50));
        expect(lines.filter((l) => l.level >= 40)).toEqual([]);
      });

      it("spreads keys over two Memcached servers", async () => {
        const [one, two] = [await dedicated(dedicatedMemcached), await dedicated(dedicatedMemcached)];
        const servers = [one, two].map((s) => `127.0.0.1:${s.port}`);
        const both = new MemcachedSharedCache({ servers, log: silentLog });
        const singles = servers.map((s) => new MemcachedSharedCache({ servers: [s], log: silentLog }));
        opened.push(both, ...singles);
        const keys = Array.from({ length: 200 }, (_, i) => `key-${i}`);
        for (const k of keys) await both.set(k, k, 60_000);
        const held = await Promise.all(
          singles.map(async (c) => (await Promise.all(keys.map((k) => c.get(k)))).filter(Boolean).length),
        );
        expect(held[0]! + held[1]!).toBe(200);
        expect(Math.min(...held)).toBeGreaterThan(50);
      });
    });
  },
);
