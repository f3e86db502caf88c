// The inventory's staff API as a unit: its store and its HTTP server (the staff stock API under /trpc
// with /healthz, /readyz and /metrics, from the shared service kit). Built by this service's main.ts
// beside the worker, or by the development host.
import type { Database } from "@emporium/db";
import type { Logger, ServiceMetrics } from "@emporium/observability";
import { schemaCheck } from "@emporium/runtime";
import { createServiceServer, type ContextBase, type ServiceServer } from "@emporium/service-kit";
import { PrismaStockAdminStore } from "./adapters/sql/stock-admin-store";
import { appRouter } from "./api/router/_app";
import type { InventoryApiContext } from "./api/trpc";

export interface InventoryApiDeps {
  db: Database;
  log: Logger;
  metrics: ServiceMetrics;
  /** Verifies the service tokens the apps send for signed-in staff (see @emporium/auth). */
  tokenKey: Uint8Array;
}

export interface InventoryApi {
  server: ServiceServer;
  /** What each request's context is built from (tests call procedures with it). */
  base: ContextBase<InventoryApiContext>;
}

export const INVENTORY_TABLE = "inventory.stock_adjustments";

export function createInventoryApi(d: InventoryApiDeps): InventoryApi {
  const base: ContextBase<InventoryApiContext> = {
    stock: new PrismaStockAdminStore(d.db),
    log: d.log,
    metrics: d.metrics,
  };
  const server = createServiceServer({
    router: appRouter,
    log: d.log,
    metrics: d.metrics,
    tokenKey: d.tokenKey,
    checks: [schemaCheck(d.db, INVENTORY_TABLE)],
    // Staff-only figures: nothing here may be kept by a shared cache.
    headers: { "cache-control": "no-store" },
    createContext: (request) => ({ ...base, ...request }),
  });
  return { server, base };
}
