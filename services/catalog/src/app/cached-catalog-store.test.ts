import { describe, expect, it } from "vitest";
import { createLogger } from "@emporium/observability";
import { NotFoundError } from "@emporium/service-kit/errors";
import { MemoryCatalogVersions, MemoryVersionBus } from "../adapters/memory/catalog-versions";
import { MemoryLruCache } from "../adapters/memory/lru-cache";
import { MemorySharedCache } from "../adapters/memory/shared-cache";
import type { HomePage, ProductDetail } from "../domain/types";
import type { CatalogVersions, SharedCache } from "../ports/cache";
import type { CatalogStore } from "../ports/catalog-store";
import { CachedCatalogStore, type CacheTtls } from "./cached-catalog-store";

const home: HomePage = { featuredCategories: [], newArrivals: [], featuredProducts: [] };
const log = createLogger({ service: "test", level: "silent" });

function fakeStore() {
  const calls = { home: 0, product: 0 };
  let failing = false;
  let price = 100;
  const store: CatalogStore = {
    categoryTree: async () => [],
    listProducts: async () => {
      throw new Error("unused");
    },
    productBySlug: async (slug) => {
      calls.product++;
      if (failing) throw new Error("connection refused");
      if (slug === "missing") throw new NotFoundError("No product");
      await new Promise((r) => setTimeout(r, 5));
      return { slug, price } as unknown as ProductDetail;
    },
    suggest: async () => {
      throw new Error("unused");
    },
    home: async () => {
      calls.home++;
      if (failing) throw new Error("connection refused");
      await new Promise((r) => setTimeout(r, 5));
      return home;
    },
    sitemap: async () => [],
    variants: async () => [],
    ping: async () => undefined,
  };
  return { store, calls, fail: (v: boolean) => (failing = v), setPrice: (p: number) => (price = p) };
}

interface ReplicaOptions {
  l2?: SharedCache;
  versions?: CatalogVersions;
  ttls?: CacheTtls;
  now?: () => number;
}

/** One catalog replica: its own L1, the given shared L2 and version counters. */
function replica(inner: CatalogStore, o: ReplicaOptions = {}) {
  const lookups: string[] = [];
  const store = new CachedCatalogStore(inner, {
    l1: new MemoryLruCache(),
    l2: o.l2 ?? new MemorySharedCache(),
    versions: o.versions ?? new MemoryCatalogVersions(),
    log,
    ...(o.ttls ? { ttls: o.ttls } : {}),
    ...(o.now ? { now: o.now } : {}),
    observe: (level, result) => lookups.push(`${level} ${result}`),
  });
  return { store, lookups };
}

const priceOf = (p: ProductDetail | null) => (p as unknown as { price: number } | null)?.price;

describe("CachedCatalogStore", () => {
  it("answers repeated reads from L1 and shares one load between concurrent misses", async () => {
    const fake = fakeStore();
    const { store, lookups } = replica(fake.store);
    await Promise.all([store.home(), store.home(), store.home()]);
    lookups.length = 0;
    await store.home();
    expect(fake.calls.home).toBe(1);
    expect(lookups).toEqual(["l1 hit"]);
  });

  it("serves the last good answer when the database fails after the entry went stale", async () => {
    let now = 0;
    const fake = fakeStore();
    const ttls = { freshMs: 1000, staleMs: 60_000, uncoordinatedMs: 500 };
    const { store } = replica(fake.store, { ttls, now: () => now, l2: new MemorySharedCache(10, () => now) });
    expect(await store.home()).toBe(home);
    now = 5000;
    fake.fail(true);
    expect(await store.home()).toEqual(home);
  });

  it("serves the last good answer of an older version when the database fails after a change", async () => {
    const fake = fakeStore();
    const versions = new MemoryCatalogVersions();
    const { store } = replica(fake.store, { versions });
    expect(priceOf(await store.productBySlug("mug"))).toBe(100);
    await store.productChanged("mug");
    fake.fail(true);
    expect(priceOf(await store.productBySlug("mug"))).toBe(100);
  });

  it("does not hide a failure when there is nothing to fall back on", async () => {
    const fake = fakeStore();
    fake.fail(true);
    await expect(replica(fake.store).store.home()).rejects.toThrow(/connection refused/);
  });

  it("does not cache or paper over the caller's own mistakes", async () => {
    const fake = fakeStore();
    const { store } = replica(fake.store);
    await expect(store.productBySlug("missing")).rejects.toBeInstanceOf(NotFoundError);
    await expect(store.productBySlug("missing")).rejects.toBeInstanceOf(NotFoundError);
    expect(fake.calls.product).toBe(2);
  });

  it("shows a change on every replica at once: versions move on, no time to live runs out", async () => {
    const fake = fakeStore();
    const bus = new MemoryVersionBus();
    const l2 = new MemorySharedCache();
    const replicas = [0, 1].map(() => new MemoryCatalogVersions(bus));
    for (const v of replicas) await v.start();
    const [a, b] = replicas.map((versions) => replica(fake.store, { l2, versions }).store);
    if (!a || !b) throw new Error("two replicas");
    expect([priceOf(await a.productBySlug("mug")), priceOf(await b.productBySlug("mug"))]).toEqual([
      100, 100,
    ]);
    await a.home();
    expect(fake.calls.product).toBe(1); // b found a's answer in L2

    fake.setPrice(120);
    await a.productChanged("mug", false);
    expect([priceOf(await a.productBySlug("mug")), priceOf(await b.productBySlug("mug"))]).toEqual([
      120, 120,
    ]);
    expect(fake.calls.product).toBe(2);
    // Only the product's page changed: the listings' answers are still good.
    await b.home();
    expect(fake.calls.home).toBe(1);
    await b.productChanged("mug");
    await a.home();
    expect(fake.calls.home).toBe(2);
  });

  it("lets one replica compute a cold key while the others wait for its answer", async () => {
    const fake = fakeStore();
    const bus = new MemoryVersionBus();
    const l2 = new MemorySharedCache();
    const stores = [0, 1, 2].map(
      () => replica(fake.store, { l2, versions: new MemoryCatalogVersions(bus) }).store,
    );
    const answers = await Promise.all(Array.from({ length: 200 }, (_, i) => stores[i % 3]?.home()));
    expect(answers.every((a) => a !== undefined)).toBe(true);
    expect(fake.calls.home).toBe(1);
  });

  it("serves a stale shared answer at once and refreshes it once in the background", async () => {
    let now = 0;
    const fake = fakeStore();
    const l2 = new MemorySharedCache(100, () => now);
    const ttls = { freshMs: 1000, staleMs: 60_000, uncoordinatedMs: 500 };
    const bus = new MemoryVersionBus();
    const first = replica(fake.store, { l2, ttls, now: () => now, versions: new MemoryCatalogVersions(bus) });
    await first.store.home();
    now = 2000;
    const second = replica(fake.store, {
      l2,
      ttls,
      now: () => now,
      versions: new MemoryCatalogVersions(bus),
    });
    await Promise.all([second.store.home(), second.store.home()]);
    expect(second.lookups).toContain("l2 stale");
    await new Promise((r) => setTimeout(r, 30));
    expect(fake.calls.home).toBe(2);
    second.lookups.length = 0;
    await second.store.home();
    expect(second.lookups).toEqual(["l1 hit"]);
  });

  it("leaves the shared cache alone and keeps entries only briefly while versions cannot be shared", async () => {
    let now = 0;
    const fake = fakeStore();
    const l2 = new MemorySharedCache();
    const cut: CatalogVersions = Object.assign(new MemoryCatalogVersions(), { coordinated: false });
    const { store, lookups } = replica(fake.store, { l2, versions: cut, now: () => now });
    await store.home();
    await store.home();
    expect(fake.calls.home).toBe(1);
    expect(lookups).not.toContain("l2 miss");
    expect(await l2.get("catalog@0|home")).toBeUndefined();
    now = 6_000; // past the uncoordinated time to live, well within the fresh time
    await store.home();
    expect(fake.calls.home).toBe(2);
  });
});
