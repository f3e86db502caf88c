// Two replicas sharing L2 and version counters, as deployed: a cold read misses both levels, a warm one
// hits L1, and the other replica's first read misses its own L1 and hits the shared L2.
import { Registry } from "prom-client";
import { describe, expect, it } from "vitest";
import { createLogger } from "@emporium/observability";
import { MemoryCatalogVersions } from "../adapters/memory/catalog-versions";
import { MemoryLruCache } from "../adapters/memory/lru-cache";
import { MemorySharedCache } from "../adapters/memory/shared-cache";
import type { HomePage } from "../domain/types";
import type { CatalogStore } from "../ports/catalog-store";
import { measureCacheRequests } from "./cache-metrics";
import { CachedCatalogStore } from "./cached-catalog-store";

const log = createLogger({ service: "test", level: "silent" });
const home: HomePage = { featuredCategories: [], newArrivals: [], featuredProducts: [] };
const unused = async (): Promise<never> => {
  throw new Error("unused");
};
const database: CatalogStore = {
  home: async () => home,
  categoryTree: unused,
  listProducts: unused,
  productBySlug: unused,
  suggest: unused,
  sitemap: unused,
  variants: unused,
  ping: async () => undefined,
};

async function requests(registry: Registry): Promise<Record<string, number>> {
  const values = (await registry.getSingleMetric("cache_requests_total")?.get())?.values ?? [];
  return Object.fromEntries(values.map((v) => [`${v.labels.level} ${v.labels.result}`, v.value]));
}

describe("cache_requests_total", () => {
  it("counts a cold read as misses, a warm one as an L1 hit, another replica's as an L2 hit", async () => {
    const l2 = new MemorySharedCache();
    const versions = new MemoryCatalogVersions();
    const replica = (registry: Registry) =>
      new CachedCatalogStore(database, {
        l1: new MemoryLruCache(),
        l2,
        versions,
        log,
        observe: measureCacheRequests(registry),
      });
    const a = new Registry();
    const b = new Registry();
    const first = replica(a);
    const second = replica(b);

    expect(await requests(a)).toEqual({ "l1 hit": 0, "l1 miss": 0, "l2 hit": 0, "l2 miss": 0 });
    await first.home();
    expect(await requests(a)).toEqual({ "l1 hit": 0, "l1 miss": 1, "l2 hit": 0, "l2 miss": 1 });
    await first.home();
    expect(await requests(a)).toEqual({ "l1 hit": 1, "l1 miss": 1, "l2 hit": 0, "l2 miss": 1 });
    await second.home();
    expect(await requests(b)).toEqual({ "l1 hit": 0, "l1 miss": 1, "l2 hit": 1, "l2 miss": 0 });
  });
});
