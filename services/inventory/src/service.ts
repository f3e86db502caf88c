// The inventory's staff API as a unit: its store and its HTTP server (which also answers /healthz,
// /readyz and /metrics). Built by this service's main.ts beside the worker, or by the development host.
import type { Server } from "node:http";
import type { Database } from "@emporium/db";
import type { Logger, ServiceMetrics } from "@emporium/observability";
import { schemaCheck } from "@emporium/runtime";
import { PrismaStockAdminStore } from "./adapters/stock-admin-sql";
import { createInventoryServer, type ContextBase } from "./http/server";

export interface InventoryApiDeps {
  db: Database;
  log: Logger;
  metrics: ServiceMetrics;
  /** Verifies the service tokens the apps send for signed-in staff (see @emporium/auth). */
  tokenKey: Uint8Array;
}

export interface InventoryApi {
  server: Server;
  /** What each request's context is built from (tests call procedures with it). */
  base: ContextBase;
}

export const INVENTORY_TABLE = "inventory.stock_adjustments";

export function createInventoryApi(d: InventoryApiDeps): InventoryApi {
  const base: ContextBase = { stock: new PrismaStockAdminStore(d.db), log: d.log, metrics: d.metrics };
  const server = createInventoryServer(base, d.tokenKey, [schemaCheck(d.db, INVENTORY_TABLE)]);
  return { server, base };
}
