// What every inventory handler gets from the composition root.
import type { Database } from "@emporium/db";
import type { Logger } from "@emporium/observability";
import type { Counter } from "prom-client";

export interface InventoryContext {
  db: Database;
  log: Logger;
  reservations: Counter<"outcome">;
}

export const TX_OPTIONS = { timeout: 30_000, maxWait: 30_000 } as const;
