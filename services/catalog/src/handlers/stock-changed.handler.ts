// Keeps the catalog's stock read model (variant.available, product.inStock) in step with inventory's
// `inventory.stock-changed.v1` events; idempotent through the catalog's processed-messages table.
import { readMessage, stockChangedV1 } from "@emporium/contracts";
import type { Database } from "@emporium/db";
import { claimMessage, type MessageHandler } from "@emporium/messaging";

export function stockChangedHandler(
  db: Database,
  onProductChanged: (slug: string) => Promise<void>,
): MessageHandler {
  return async (envelope) => {
    if (envelope.type !== stockChangedV1.type) return;
    const { data } = readMessage(envelope, stockChangedV1);
    const slug = await db.transaction(async (tx) => {
      if (!(await claimMessage(tx, "catalog", envelope.id))) return null;
      // The product first, locked: events for two variants of one product (different partitions) then
      // run one after the other, and the second sees the first's figure when it decides in_stock.
      const [product] = await tx.query<{ id: string; slug: string }>(
        `SELECT p.id::text AS id, p.slug FROM catalog.products p
           JOIN catalog.variants v ON v.product_id = p.id
          WHERE v.id = $1::uuid FOR UPDATE OF p`,
        [data.variantId],
      );
      if (!product) return null;
      // The product row is rewritten only when in_stock really changes.
      await tx.query(
        `WITH variant AS (UPDATE catalog.variants SET available = $2 WHERE id = $1::uuid)
         UPDATE catalog.products p SET in_stock = s.in_stock
           FROM (SELECT $2 > 0 OR EXISTS (SELECT 1 FROM catalog.variants o
                                           WHERE o.product_id = $3::uuid AND o.id <> $1::uuid AND o.available > 0)
                        AS in_stock) s
          WHERE p.id = $3::uuid AND p.in_stock IS DISTINCT FROM s.in_stock`,
        [data.variantId, data.available, product.id],
      );
      return product.slug;
    });
    if (slug) await onProductChanged(slug);
  };
}
