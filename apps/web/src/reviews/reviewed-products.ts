// Which product each of a shopper's reviews is of, by slug and title, for "Your reviews". The reviews
// service names products by id only, and the catalog's storefront API finds products by slug or by
// variant, not by product id. But a shopper can review only what was delivered to them, so each product
// they reviewed is in one of their delivered orders, whose lines name its variant; the catalog's
// product.variants then says which product each variant is of, with its slug and title. Orders are read
// newest first (reviews follow deliveries), and the search stops once every product is named, or after a
// bounded number of order pages: a product not named by then is shown without its links.
import type { OrderStatusName } from "@emporium/contracts";

export interface ReviewedProduct {
  slug: string;
  title: string;
}

/** Where the products come from; the storefront's server code passes the orders service and the catalog. */
export interface PurchaseSources {
  /** A page of the shopper's orders, newest first. */
  orders(page: number): Promise<{ items: { number: string; status: OrderStatusName }[]; pageCount: number }>;
  /** The variant ids one of the shopper's orders holds. */
  orderVariants(number: string): Promise<string[]>;
  /** What the catalog sells of these variants (at most 100 ids), each with its product. */
  variants(
    ids: string[],
  ): Promise<{ id: string; productId: string; productSlug: string; productTitle: string }[]>;
}

/** Order pages read at the most (the orders service answers 10 orders a page). */
export const ORDER_PAGES = 3;
const VARIANTS_PER_CALL = 100;

/**
 * The products among `productIds` found in the shopper's delivered orders. Whatever fails (a service
 * down) ends the search: what was found until then is answered, never an error, so the list still shows.
 */
export async function findReviewedProducts(
  sources: PurchaseSources,
  productIds: readonly string[],
  maxPages = ORDER_PAGES,
): Promise<Map<string, ReviewedProduct>> {
  const wanted = new Set(productIds);
  const found = new Map<string, ReviewedProduct>();
  const asked = new Set<string>();
  try {
    for (let page = 1; page <= maxPages && found.size < wanted.size; page++) {
      const orders = await sources.orders(page);
      // Only a delivered order's products can have been reviewed.
      const delivered = orders.items.filter((o) => o.status === "DELIVERED");
      const lines = await Promise.all(delivered.map((o) => sources.orderVariants(o.number)));
      const fresh = [...new Set(lines.flat())].filter((id) => !asked.has(id));
      for (const id of fresh) asked.add(id);
      for (let i = 0; i < fresh.length && found.size < wanted.size; i += VARIANTS_PER_CALL) {
        for (const v of await sources.variants(fresh.slice(i, i + VARIANTS_PER_CALL)))
          if (wanted.has(v.productId)) found.set(v.productId, { slug: v.productSlug, title: v.productTitle });
      }
      if (page >= orders.pageCount) break;
    }
  } catch {
    // Named so far is all there is to show; the rest appear without links.
  }
  return found;
}
