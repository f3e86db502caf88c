// A process's database connection pool at each scrape: connections in use, idle, and callers waiting
// for one. Waiting above zero for long is pool saturation: requests queue behind the database.
import { Gauge, type Registry } from "prom-client";

/** What is read of a pool (structurally: @emporium/db's Database has it). */
export interface PoolSource {
  /** null where there is no pool (the embedded PGlite): no series then. */
  poolStats(): { inUse: number; idle: number; waiting: number; max: number } | null;
}

/** Serves `db_pool_connections{state}` and `db_pool_max_connections` for `source`, read at each scrape. */
export function measureDbPool(registry: Registry, source: PoolSource): void {
  // One pool per process: a second call (the development host's services share one) changes nothing.
  if (registry.getSingleMetric("db_pool_connections")) return;
  new Gauge({
    name: "db_pool_connections",
    help: "PostgreSQL pool connections by state: in_use, idle, and waiting (callers queued for one)",
    labelNames: ["state"],
    registers: [registry],
    collect() {
      const stats = source.poolStats();
      if (!stats) return;
      this.set({ state: "in_use" }, stats.inUse);
      this.set({ state: "idle" }, stats.idle);
      this.set({ state: "waiting" }, stats.waiting);
    },
  });
  new Gauge({
    name: "db_pool_max_connections",
    help: "The most connections the PostgreSQL pool opens",
    registers: [registry],
    collect() {
      const stats = source.poolStats();
      if (stats) this.set(stats.max);
    },
  });
}
