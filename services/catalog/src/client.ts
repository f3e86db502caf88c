// A typed tRPC client for the catalog, for the storefront, the admin and other services.
import { createTRPCClient } from "@trpc/client";
import { serviceLinks, type ServiceClientOptions } from "@emporium/service-kit/client";
import type { AppRouter } from "./api/router/_app";

export type { AppRouter, RouterInputs, RouterOutputs } from "./api/router/_app";
export type * from "./domain/types";
export type * from "./domain/admin-types";
// Pure domain rules that are part of the contract, so callers never reach into the catalog's folders:
// the storefront picks variants with the catalog's own option matrix (also in ./browser, without this
// client), and the admin describes the import file (its columns, list separator and limits) exactly as
// the catalog will check it.
export * from "./browser";
export {
  IMPORT_COLUMNS,
  LIST_SEPARATOR,
  MAX_IMPORT_ROWS,
  REQUIRED_COLUMNS,
  type ImportColumn,
} from "./domain/product-import";
/** The largest image an upload form allows (the admin refuses bigger uploads before forwarding them). */
export { MAX_IMAGE_BYTES } from "./domain/media-rules";
/** The one currency the catalog accepts prices in (see @emporium/contracts). */
export { SHOP_CURRENCY } from "@emporium/contracts";

export type CatalogClientOptions = ServiceClientOptions;

export function createCatalogClient(options: ServiceClientOptions) {
  return createTRPCClient<AppRouter>({ links: serviceLinks(options) });
}

export type CatalogClient = ReturnType<typeof createCatalogClient>;
