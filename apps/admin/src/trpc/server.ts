// The catalog as the admin's server components see it: always fresh (staff expect to see the current
// state), requested only at request time (so `next build` needs no catalog), with a 10 s timeout.
import { cache } from "react";
import { connection } from "next/server";
import { createCatalogClient } from "@emporium/catalog/client";
import { env } from "@/env";

const TIMEOUT_MS = 10_000;

const freshFetch: typeof fetch = (input, init) => {
  const timeout = AbortSignal.timeout(TIMEOUT_MS);
  return fetch(input, {
    ...init,
    cache: "no-store",
    signal: init?.signal ? AbortSignal.any([init.signal, timeout]) : timeout,
  });
};

const catalog = createCatalogClient({ url: env.CATALOG_URL, fetch: freshFetch });

export const getCategoryTree = cache(async () => {
  await connection();
  return catalog.category.tree.query();
});

export const getProductPage = cache(async (cursor: string | null) => {
  await connection();
  return catalog.product.list.query({ sort: "newest", limit: 25, ...(cursor ? { cursor } : {}) });
});
