// What every inventory consumer gets from the composition root (the worker factory).
import type { Database } from "@emporium/db";
import type { Logger } from "@emporium/observability";
import type { Counter } from "prom-client";

export interface InventoryContext {
  db: Database;
  log: Logger;
  reservations: Counter<"outcome">;
}
