// The catalog as the admin's server components and actions see it: always fresh (staff expect to see
// the current state), requested only at request time (so `next build` needs no catalog), with a 10 s
// timeout, and — for staff procedures — a service token naming the signed-in staff member.
import { cache } from "react";
import { connection } from "next/server";
import { createCatalogClient, type RouterInputs } from "@emporium/catalog/client";
import { freshFetch } from "@emporium/http-fetch";
import { backendAuthorization, type Staff } from "@/auth/session";
import { env } from "@/env";

const TIMEOUT_MS = 10_000;

const catalogFetch = freshFetch(TIMEOUT_MS);

const catalog = createCatalogClient({ url: env.CATALOG_URL, fetch: catalogFetch });

/**
 * The catalog's staff procedures, called as `staff`. A long job (writing an imported file) may wait
 * longer than the usual 10 s.
 */
export function catalogAs(staff: Staff, options: { timeoutMs?: number } = {}) {
  return createCatalogClient({
    url: env.CATALOG_URL,
    fetch: options.timeoutMs ? freshFetch(options.timeoutMs) : catalogFetch,
    headers: async () => ({ authorization: await backendAuthorization(staff) }),
  }).admin;
}

export const getCategoryTree = cache(async () => {
  await connection();
  return catalog.category.tree.query();
});

export type ProductListInput = RouterInputs["admin"]["products"]["list"];

export const getProductPage = cache(async (staff: Staff, input: ProductListInput) => {
  await connection();
  return catalogAs(staff).products.list.query(input);
});

export const getProduct = cache(async (staff: Staff, id: string) => {
  await connection();
  return catalogAs(staff).products.get.query({ id });
});

export type ProductReference = Awaited<ReturnType<typeof getProductReference>>;

/** Brands, categories and attribute values for the product forms. */
export const getProductReference = cache(async (staff: Staff) => {
  await connection();
  return catalogAs(staff).products.reference.query();
});
