// The catalog as the browser reaches it: same origin, through the storefront's /api/trpc rewrite.
import { createCatalogClient } from "@emporium/catalog/client";

export const browserCatalog = createCatalogClient({ url: "/api/trpc" });
