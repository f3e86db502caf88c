// tRPC for the inventory's staff API, from the shared service kit: its context (the stock store) on
// top of what every request carries.
import { createServiceTrpc, type ServiceContext } from "@emporium/service-kit";
import type { StockAdminStore } from "../ports/stock-admin-store";

export interface InventoryApiContext extends ServiceContext {
  stock: StockAdminStore;
}

export const { router, staffProcedure, createCallerFactory } = createServiceTrpc<InventoryApiContext>({
  service: "inventory",
  displayName: "The inventory",
});
