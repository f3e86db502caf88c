// The dashboard's "Running low" rows: the inventory decides what is low (each variant against its own
// thresholds); the catalog names the variants. A variant the catalog does not list publicly (a draft)
// keeps its SKU and links to the product search instead of its page.
import { createCatalogClient } from "@emporium/catalog/client";
import { freshFetch } from "@emporium/http-fetch";
import type { Staff } from "@/auth/session";
import { env } from "@/env";
import { getLowStock } from "@/trpc/inventory";

export interface LowStockRow {
  variantId: string;
  sku: string;
  available: number;
  lowStockThreshold: number;
  /** Where the row links: the product's page, or the product search for the SKU. */
  href: string;
  productTitle: string | null;
  variantTitle: string | null;
}

const catalog = createCatalogClient({
  url: env.CATALOG_URL,
  fetch: freshFetch(10_000),
});

export async function loadLowStockList(
  staff: Staff,
  limit: number,
): Promise<{ rows: LowStockRow[]; total: number }> {
  const page = await getLowStock(staff, limit);
  const ids = page.items.map((i) => i.variantId);
  const labels = ids.length > 0 ? await catalog.product.variants.query({ ids }) : [];
  const byId = new Map(labels.map((l) => [l.id, l]));
  const rows = page.items.map((item): LowStockRow => {
    const label = byId.get(item.variantId);
    return {
      variantId: item.variantId,
      sku: item.sku,
      available: item.available,
      lowStockThreshold: item.lowStockThreshold,
      href: label ? `/products/${label.productId}` : `/products?q=${encodeURIComponent(item.sku)}`,
      productTitle: label?.productTitle ?? null,
      variantTitle: label?.title ?? null,
    };
  });
  return { rows, total: page.total };
}
