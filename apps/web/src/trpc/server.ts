// The catalog as server components see it. Every getter:
//  - waits for a request (connection()), so `next build` never needs a running catalog;
//  - goes through Next's data cache for 30 s (shared across requests and instances of a page);
//  - is wrapped in React cache(), so a page and its generateMetadata ask the catalog once per request;
//  - gives up after 10 s instead of hanging a page on a stuck backend.
// Only server code imports this module.
import { cache } from "react";
import { connection } from "next/server";
import { createCatalogClient } from "@emporium/catalog/client";
import { env } from "@/env";

const REVALIDATE_SECONDS = 30;
const TIMEOUT_MS = 10_000;

const cachedFetch: typeof fetch = (input, init) => {
  const timeout = AbortSignal.timeout(TIMEOUT_MS);
  return fetch(input, {
    ...init,
    signal: init?.signal ? AbortSignal.any([init.signal, timeout]) : timeout,
    next: { revalidate: REVALIDATE_SECONDS },
  });
};

export const catalog = createCatalogClient({ url: env.CATALOG_URL, fetch: cachedFetch });

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
