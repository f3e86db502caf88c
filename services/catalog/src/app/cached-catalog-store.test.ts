import { describe, expect, it } from "vitest";
import { createLogger } from "@emporium/observability";
import { MemoryLruCache } from "../adapters/memory/lru-cache";
import { NotFoundError } from "@emporium/service-kit/errors";
import type { HomePage, ProductDetail } from "../domain/types";
import type { CatalogStore } from "../ports/catalog-store";
import { CachedCatalogStore } from "./cached-catalog-store";

const home: HomePage = { featuredCategories: [], newArrivals: [], featuredProducts: [] };

function fakeStore() {
  const calls = { home: 0, product: 0 };
  let failing = false;
  const store: CatalogStore = {
    categoryTree: async () => [],
    listProducts: async () => {
      throw new Error("unused");
    },
    productBySlug: async (slug) => {
      calls.product++;
      if (failing) throw new Error("connection refused");
      if (slug === "missing") throw new NotFoundError("No product");
      return { slug } as ProductDetail;
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
  return { store, calls, fail: (v: boolean) => (failing = v) };
}

describe("CachedCatalogStore", () => {
  const log = createLogger({ service: "test", level: "silent" });

  it("answers repeated reads from the cache and shares one load between concurrent misses", async () => {
    const fake = fakeStore();
    const cached = new CachedCatalogStore(fake.store, new MemoryLruCache(), log);
    await Promise.all([cached.home(), cached.home(), cached.home()]);
    await cached.home();
    expect(fake.calls.home).toBe(1);
  });

  it("serves the last good answer when the database fails after the entry went stale", async () => {
    let now = 0;
    const fake = fakeStore();
    const cached = new CachedCatalogStore(
      fake.store,
      new MemoryLruCache(),
      log,
      { freshMs: 1000, staleMs: 60_000 },
      () => now,
    );
    expect(await cached.home()).toBe(home);
    now = 5000;
    fake.fail(true);
    expect(await cached.home()).toBe(home);
    expect(fake.calls.home).toBe(2);
  });

  it("does not hide a failure when there is nothing to fall back on", async () => {
    const fake = fakeStore();
    fake.fail(true);
    const cached = new CachedCatalogStore(fake.store, new MemoryLruCache(), log);
    await expect(cached.home()).rejects.toThrow(/connection refused/);
  });

  it("does not cache or paper over the caller's own mistakes", async () => {
    const fake = fakeStore();
    const cached = new CachedCatalogStore(fake.store, new MemoryLruCache(), log);
    await expect(cached.productBySlug("missing")).rejects.toBeInstanceOf(NotFoundError);
    await expect(cached.productBySlug("missing")).rejects.toBeInstanceOf(NotFoundError);
    expect(fake.calls.product).toBe(2);
  });
});
