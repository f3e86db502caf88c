// A typed tRPC client for the inventory's staff API, for the admin app's server.
import { createTRPCClient, httpLink } from "@trpc/client";
import type { AppRouter } from "./router/_app";

export type { AppRouter, RouterInputs, RouterOutputs } from "./router/_app";
export type * from "./domain/types";
export { ADJUSTMENT_REASONS, MAX_THRESHOLD, type AdjustmentReason } from "./domain/adjustment";

export interface InventoryClientOptions {
  url: string;
  /** A fetch to use (Next passes its own to control caching). */
  fetch?: typeof fetch;
  /** Headers for each call (an Authorization header with a service token). */
  headers?: () => Record<string, string> | Promise<Record<string, string>>;
}

export function createInventoryClient(options: InventoryClientOptions) {
  return createTRPCClient<AppRouter>({
    links: [
      httpLink({
        url: options.url,
        ...(options.fetch ? { fetch: options.fetch } : {}),
        ...(options.headers ? { headers: options.headers } : {}),
      }),
    ],
  });
}

export type InventoryClient = ReturnType<typeof createInventoryClient>;
