// Who has received what, learned from the orders topic. `order.placed.v1` names the customer (null for a
// guest, who cannot review) and the variants bought — not their products, so the catalog is asked once
// per order which product each variant is of, while those variants are surely still on sale.
// `order.status-changed.v1` to DELIVERED then turns the remembered order into purchases. Both events
// travel on one topic keyed by the order id, so a placement is always read before its delivery.
import type { Logger } from "@emporium/observability";
import type { ProductDirectory } from "../ports/product-directory";
import type { PurchaseLedger } from "../ports/purchase-ledger";

export interface PurchaseDeps {
  purchases: PurchaseLedger;
  products: ProductDirectory;
  log: Logger;
}

export interface OrderPlaced {
  orderId: string;
  customerId: string | null;
  variantIds: readonly string[];
}

export async function recordOrderPlaced(d: PurchaseDeps, order: OrderPlaced): Promise<void> {
  if (!order.customerId) return;
  const products = await d.products.productsOf(order.variantIds);
  const unknown = order.variantIds.filter((v) => !products.has(v));
  if (unknown.length > 0)
    d.log.warn(
      { orderId: order.orderId, variantIds: unknown },
      "the catalog does not sell these ordered variants (any more): they cannot be reviewed from this order",
    );
  await d.purchases.recordOrder({
    orderId: order.orderId,
    customerId: order.customerId,
    productIds: [...new Set(products.values())],
  });
}

/** Answers whether the order was one to learn from (a signed-in customer's, seen when placed). */
export async function recordOrderDelivered(
  d: Pick<PurchaseDeps, "purchases">,
  orderId: string,
  at: Date,
): Promise<boolean> {
  const order = await d.purchases.findOrder(orderId);
  if (!order) return false;
  await d.purchases.recordPurchases(order.customerId, order.productIds, orderId, at);
  return true;
}
