// The catalog's cache as operators see it: requests per level (l1: this process's LRU, l2: the shared
// Memcached) that were answered (hit) or went on to the next level or the database (miss). A stale L2
// entry is served at once while one replica refreshes it, so it counts as a hit; a stale L1 entry is
// not served (the lookup goes on to L2), so it counts as a miss.
import { Counter, type Registry } from "prom-client";
import type { CacheLevel, CacheResult } from "./cached-catalog-store";

export function measureCacheRequests(registry: Registry): (level: CacheLevel, result: CacheResult) => void {
  const requests = new Counter({
    name: "cache_requests_total",
    help: "Catalog cache requests by level (l1: in the process, l2: shared) and result (hit, miss)",
    labelNames: ["level", "result"],
    registers: [registry],
  });
  for (const level of ["l1", "l2"] as const)
    for (const result of ["hit", "miss"] as const) requests.inc({ level, result }, 0);
  return (level, result) => {
    const answered = result === "hit" || (result === "stale" && level === "l2");
    requests.inc({ level, result: answered ? "hit" : "miss" });
  };
}
