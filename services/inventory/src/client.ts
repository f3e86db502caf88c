// A typed tRPC client for the inventory's staff API, for the admin app's server.
import { createTRPCClient } from "@trpc/client";
import { serviceLinks, type ServiceClientOptions } from "@emporium/service-kit/client";
import type { AppRouter } from "./api/router/_app";

export type { AppRouter, RouterInputs, RouterOutputs } from "./api/router/_app";
export type * from "./domain/types";
export { ADJUSTMENT_REASONS, MAX_THRESHOLD, type AdjustmentReason } from "./domain/adjustment";

export type InventoryClientOptions = ServiceClientOptions;

export function createInventoryClient(options: ServiceClientOptions) {
  return createTRPCClient<AppRouter>({ links: serviceLinks(options) });
}

export type InventoryClient = ReturnType<typeof createInventoryClient>;
