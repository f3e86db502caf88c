// The catalog as server components see it. Every getter:
//  - waits for a request (connection()), so `next build` never needs a running catalog;
//  - asks the catalog every time (no Next data cache): the catalog's own caches answer in a millisecond
//    and, unlike a per-instance data cache here, hear of every change at once (versioned keys), so an
//    archived product or a new price is gone from every page within a second;
//  - is wrapped in React cache(), so a page and its generateMetadata ask the catalog once per request;
//  - gives up after 10 s instead of hanging a page on a stuck backend.
// Only server code imports this module.
import { cache } from "react";
import { connection } from "next/server";
import { createCatalogClient } from "@emporium/catalog/client";
import { freshFetch } from "@emporium/http-fetch";
import { clientIp } from "@/client-ip";
import { env } from "@/env";

const TIMEOUT_MS = 10_000;

export const catalog = createCatalogClient({ url: env.CATALOG_URL, fetch: freshFetch(TIMEOUT_MS) });

export const getCategoryTree = cache(async () => {
  await connection();
  return catalog.category.tree.query();
});

export const getHome = cache(async () => {
  await connection();
  return catalog.home.get.query();
});

export const getCategory = cache(async (path: string) => {
  await connection();
  return catalog.category.byPath.query({ path });
});

export const getProduct = cache(async (slug: string) => {
  await connection();
  return catalog.product.bySlug.query({ slug });
});

export const getSitemapEntries = cache(async () => {
  await connection();
  return catalog.sitemap.entries.query();
});

// Stock moves with every order, so the product page asks for it live (the catalog does not cache
// variants) and lays it over the product, with a shorter time limit.
const STOCK_TIMEOUT_MS = 3_000;
const liveCatalog = createCatalogClient({ url: env.CATALOG_URL, fetch: freshFetch(STOCK_TIMEOUT_MS) });

/** Units available per variant id right now, or null when the catalog cannot say in time. */
export async function getLiveStock(variantIds: readonly string[]): Promise<Map<string, number> | null> {
  await connection();
  if (variantIds.length === 0) return new Map();
  try {
    const variants = await liveCatalog.product.variants.query({ ids: variantIds.slice(0, 100) });
    return new Map(variants.map((v) => [v.id, v.available]));
  } catch {
    return null;
  }
}

// Searches are limited per shopper's address (the catalog's SEARCH_PER_IP_*), so they name it — and so
// never go through Next's data cache, which would keep one copy per address.
export const searchCatalog = createCatalogClient({
  url: env.CATALOG_URL,
  fetch: freshFetch(TIMEOUT_MS),
  clientIp,
});
