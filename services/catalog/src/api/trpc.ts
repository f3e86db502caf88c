// tRPC for the catalog, from the shared service kit: its context (the cached store, the staff store,
// product media, cache invalidation) on top of what every request carries. Its procedures answer 503
// with what it is doing while it migrates and seeds.
import { createServiceTrpc, type ServiceContext } from "@emporium/service-kit";
import type { MediaLibrary } from "../app/media-library";
import type { CatalogAdminStore } from "../ports/catalog-admin-store";
import type { CatalogStore } from "../ports/catalog-store";
import type { CatalogLimits } from "./limits";

export interface Context extends ServiceContext {
  store: CatalogStore;
  admin: CatalogAdminStore;
  /** Product images: uploads, variants, order (staff procedures only). */
  media: MediaLibrary;
  /** Moves the product's cached answers on, on every replica; resolves once the change is shared. */
  invalidateProduct: (slug: string) => Promise<void>;
  /** Searches and suggestions per address, changes per staff member (./limits.ts). */
  limits: CatalogLimits;
}

export const { router, publicProcedure, staffProcedure, createCallerFactory } = createServiceTrpc<Context>({
  service: "catalog",
  displayName: "The catalog",
});
