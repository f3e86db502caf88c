// The inventory's staff API as the admin's server components and actions see it: always fresh,
// requested only at request time, with a 10 s timeout, and a service token naming the signed-in staff
// member on every call — the inventory checks the permission again itself.
import { cache } from "react";
import { connection } from "next/server";
import { freshFetch } from "@emporium/http-fetch";
import { createInventoryClient } from "@emporium/inventory/client";
import { backendAuthorization, type Staff } from "@/auth/session";
import { env } from "@/env";
import { isCatalogUnavailable } from "./catalog-unavailable";

const TIMEOUT_MS = 10_000;
const inventoryFetch = freshFetch(TIMEOUT_MS);

/** The inventory's staff procedures, called as `staff`. */
export function inventoryAs(staff: Staff) {
  return createInventoryClient({
    url: env.INVENTORY_URL,
    fetch: inventoryFetch,
    headers: async () => ({ authorization: await backendAuthorization(staff) }),
  }).admin;
}

/** Stock per location and the recent adjustments of a product's variants. */
export const getStock = cache(async (staff: Staff, variantIds: readonly string[]) => {
  await connection();
  return inventoryAs(staff).stock.byVariants.query({ variantIds: [...variantIds], historyLimit: 15 });
});

/** Variants at or under their own low-stock threshold, fewest available first. */
export const getLowStock = cache(async (staff: Staff, limit: number) => {
  await connection();
  return inventoryAs(staff).stock.low.query({ limit });
});

/**
 * The stock locations (by code), for choosing where refunded items go back; null when the inventory
 * cannot answer — a refund still works then, only without restocking. Any of the order's variants
 * will do for asking: every location is listed whatever stocks them.
 */
export const stockLocations = cache(
  async (staff: Staff, variantIds: readonly string[]): Promise<{ id: string; name: string }[] | null> => {
    await connection();
    try {
      const { locations } = await inventoryAs(staff).stock.byVariants.query({
        variantIds: [...variantIds],
        historyLimit: 0,
      });
      return locations.map((l) => ({ id: l.id, name: l.name }));
    } catch (error) {
      // Starting or unreachable (the same test as for the catalog); anything else is a real fault.
      if (isCatalogUnavailable(error)) return null;
      throw error;
    }
  },
);
