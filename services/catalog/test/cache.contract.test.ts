// The contracts of the catalog's shared cache and version counters, run against every adapter: the
// embedded ones always, Memcached when TEST_MEMCACHED_SERVERS and Redis when TEST_REDIS_URL name one.
import { randomUUID } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import { createLogger } from "@emporium/observability";
import { realServer, waitFor } from "@emporium/testkit";
import { MemoryCatalogVersions, MemoryVersionBus } from "../src/adapters/memory/catalog-versions";
import { MemorySharedCache } from "../src/adapters/memory/shared-cache";
import { MemcachedSharedCache } from "../src/adapters/memcached/memcached-shared-cache";
import { RedisCatalogVersions } from "../src/adapters/redis/redis-catalog-versions";
import type { CatalogVersions, SharedCache } from "../src/ports/cache";

const log = createLogger({ service: "cache-contract", level: "silent" });
const memcached = realServer("TEST_MEMCACHED_SERVERS", "SharedCache contract on Memcached");
const redis = realServer("TEST_REDIS_URL", "CatalogVersions contract on Redis");
const unique = (what: string) => `${what}-${randomUUID()}`;

// Each adapter's clients share one store: Memcached's clients its servers, the embedded one's clients
// are the one in-process cache (what "shared" means in a single process).
const embedded = new MemorySharedCache();
const caches: { name: string; available: boolean; make: () => SharedCache }[] = [
  { name: "memory", available: true, make: () => embedded },
  {
    name: "memcached",
    available: memcached.available,
    make: () => new MemcachedSharedCache({ servers: (memcached.url ?? "").split(","), log }),
  },
];

describe.each(caches)("SharedCache contract: $name", ({ available, make }) => {
  const opened = new Set<SharedCache>();
  const cache = () => {
    const c = make();
    opened.add(c);
    return c;
  };
  afterAll(async () => {
    for (const c of opened) await c.close();
  });

  it.runIf(available)("gives back what was stored, as a copy, and misses what was not", async () => {
    const c = cache();
    const key = unique("listing page: café & tea?"); // spaces and symbols, as a search key has
    const value = { items: [{ slug: "mug", price: 1299, name: "Mug ☕" }], next: null };
    expect(await c.get(key)).toBeUndefined();
    await c.set(key, value, 60_000);
    const back = await c.get<typeof value>(key);
    expect(back).toEqual(value);
    expect(back).not.toBe(value);
    expect(await c.get(unique("other"))).toBeUndefined();
  });

  it.runIf(available)("shares what one client stored with another", async () => {
    const key = unique("shared");
    await cache().set(key, { n: 1 }, 60_000);
    expect(await cache().get(key)).toEqual({ n: 1 });
  });

  it.runIf(available)("forgets an entry when its time to live runs out", async () => {
    const c = cache();
    const key = unique("ttl");
    await c.set(key, "soon gone", 1_000);
    expect(await c.get(key)).toBe("soon gone");
    await waitFor(async () => (await c.get(key)) === undefined, { timeoutMs: 3_000 });
  });

  it.runIf(available)("grants a claim to one caller at a time until it is released or expires", async () => {
    const [a, b] = [cache(), cache()];
    const key = unique("claim");
    const results = await Promise.all([a.claim(key, 1_000), b.claim(key, 1_000), a.claim(key, 1_000)]);
    expect(results.filter(Boolean)).toHaveLength(1);
    await a.release(key);
    expect(await b.claim(key, 1_000)).toBe(true);
    await waitFor(async () => await a.claim(key, 1_000), { timeoutMs: 3_000 });
  });

  it.runIf(available)("skips a value too large to store instead of failing", async () => {
    const c = cache();
    const key = unique("large");
    const large = "x".repeat(2 * 1024 * 1024);
    await expect(c.set(key, large, 60_000)).resolves.toBeUndefined();
    const back = await c.get<string>(key);
    expect(back === undefined || back === large).toBe(true);
  });
});

interface VersionsAdapter {
  name: string;
  available: boolean;
  /** A set of replicas sharing one backing store. */
  cluster: () => () => CatalogVersions;
}

const versionAdapters: VersionsAdapter[] = [
  {
    name: "memory",
    available: true,
    cluster: () => {
      const bus = new MemoryVersionBus();
      return () => new MemoryCatalogVersions(bus);
    },
  },
  {
    name: "redis",
    available: redis.available,
    cluster: () => {
      const prefix = unique("emporium-test:catalog");
      return () => new RedisCatalogVersions({ redisUrl: redis.url ?? "", log, prefix });
    },
  },
];

describe.each(versionAdapters)("CatalogVersions contract: $name", ({ available, cluster }) => {
  const opened: CatalogVersions[] = [];
  async function replicas(n: number, make = cluster()): Promise<CatalogVersions[]> {
    const made = Array.from({ length: n }, make);
    for (const r of made) {
      await r.start();
      opened.push(r);
    }
    return made;
  }
  afterAll(async () => {
    for (const r of opened) await r.close();
  });

  it.runIf(available)("moves a bumped scope on at once where it was bumped, and no other", async () => {
    const [a] = await replicas(1);
    if (!a) throw new Error("one replica");
    expect(a.coordinated).toBe(true);
    const [before, other] = await a.read(["product:mug", "product:cup"]);
    await a.bump(["product:mug"]);
    const [after, otherAfter] = await a.read(["product:mug", "product:cup"]);
    expect(after).not.toBe(before);
    expect(otherAfter).toBe(other);
    expect(await a.read(["product:mug"])).toEqual([after]);
  });

  it.runIf(available)(
    "lets every replica hear of a bump within a second, and tells its listeners",
    async () => {
      const [a, b, c] = await replicas(3);
      if (!a || !b || !c) throw new Error("three replicas");
      const [seenBefore] = await b.read(["catalog"]);
      const heard: string[][] = [];
      c.onChange((scopes) => heard.push([...scopes]));
      const started = Date.now();
      await a.bump(["catalog", "product:mug"]);
      await waitFor(async () => (await b.read(["catalog"]))[0] !== seenBefore, { timeoutMs: 1_000 });
      await waitFor(() => heard.some((s) => s.includes("catalog") && s.includes("product:mug")), {
        timeoutMs: 1_000,
      });
      expect(Date.now() - started).toBeLessThan(1_000);
      expect(await b.read(["catalog"])).toEqual(await a.read(["catalog"]));
    },
  );

  it.runIf(available)("gives a replica that starts later the versions already bumped", async () => {
    const shared = cluster();
    const [a] = await replicas(1, shared);
    if (!a) throw new Error("one replica");
    const [initial] = await a.read(["product:late"]);
    await a.bump(["product:late"]);
    await a.bump(["product:late"]);
    const [late] = await replicas(1, shared);
    if (!late) throw new Error("a late replica");
    const [seen] = await late.read(["product:late"]);
    expect(seen).not.toBe(initial);
    expect(seen).toBe((await a.read(["product:late"]))[0]);
  });

  it.runIf(available)("never gives two different states of a scope the same version", async () => {
    const [a, b] = await replicas(2);
    if (!a || !b) throw new Error("two replicas");
    const seen = new Set<string>();
    for (let i = 0; i < 10; i++) {
      await (i % 2 ? a : b).bump(["catalog"]);
      const [version = ""] = await (i % 2 ? a : b).read(["catalog"]);
      expect(seen.has(version)).toBe(false);
      seen.add(version);
    }
  });
});
