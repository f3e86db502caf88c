// The pool's series are read at each scrape from the pool itself; a process without a pool has none.
import { Registry } from "prom-client";
import { describe, expect, it } from "vitest";
import { measureDbPool } from "./pool-metrics";

describe("measureDbPool", () => {
  it("reads the pool at each scrape", async () => {
    const registry = new Registry();
    const stats = { inUse: 3, idle: 1, waiting: 0, max: 4 };
    measureDbPool(registry, { poolStats: () => stats });
    expect(await registry.metrics()).toContain('db_pool_connections{state="in_use"} 3');
    stats.inUse = 4;
    stats.idle = 0;
    stats.waiting = 5;
    const text = await registry.metrics();
    expect(text).toContain('db_pool_connections{state="in_use"} 4');
    expect(text).toContain('db_pool_connections{state="waiting"} 5');
    expect(text).toContain("db_pool_max_connections 4");
  });

  it("serves no series without a pool (PGlite), and measures one pool per registry", async () => {
    const registry = new Registry();
    measureDbPool(registry, { poolStats: () => null });
    measureDbPool(registry, { poolStats: () => ({ inUse: 1, idle: 0, waiting: 0, max: 1 }) });
    expect(await registry.metrics()).not.toMatch(/^db_pool_connections\{/m);
  });
});
