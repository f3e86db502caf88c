// What the inventory's consumers get from the worker, for a test on its own database.
import type { Database } from "@emporium/db";
import { createLogger, createServiceMetrics } from "@emporium/observability";
import { Counter } from "prom-client";
import type { InventoryContext } from "../src/consumers/context";

export function consumerContext(db: Database): InventoryContext {
  return {
    db,
    log: createLogger({ service: "inventory-test", level: "silent" }),
    reservations: new Counter({
      name: "test_reservations_total",
      help: "x",
      labelNames: ["outcome"],
      registers: [createServiceMetrics("t").registry],
    }),
  };
}
