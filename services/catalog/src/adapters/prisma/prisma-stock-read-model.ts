// The stock read model in the catalog schema: idempotent through the catalog's processed-messages table,
// with the product row locked so events for two variants of one product never interleave.
import type { Database } from "@emporium/db";
import { claimMessage } from "@emporium/messaging";
import type { AppliedStockChange, StockChange, StockReadModel } from "../../ports/stock-read-model";

export class PrismaStockReadModel implements StockReadModel {
  constructor(private readonly db: Database) {}

  applyStockChange(messageId: string, change: StockChange): Promise<AppliedStockChange | null> {
    return this.db.transaction(async (tx) => {
      if (!(await claimMessage(tx, "catalog", messageId))) return null;
      // The product first, locked: events for two variants of one product (different partitions) then
      // run one after the other, and the second sees the first's figure when it decides in_stock.
      const [product] = await tx.query<{ id: string; slug: string }>(
        `SELECT p.id::text AS id, p.slug FROM catalog.products p
           JOIN catalog.variants v ON v.product_id = p.id
          WHERE v.id = $1::uuid FOR UPDATE OF p`,
        [change.variantId],
      );
      if (!product) return null;
      // The product row is rewritten only when in_stock really changes.
      const flipped = await tx.query<{ id: string }>(
        `WITH variant AS (UPDATE catalog.variants SET available = $2 WHERE id = $1::uuid)
         UPDATE catalog.products p SET in_stock = s.in_stock
           FROM (SELECT $2 > 0 OR EXISTS (SELECT 1 FROM catalog.variants o
                                           WHERE o.product_id = $3::uuid AND o.id <> $1::uuid AND o.available > 0)
                        AS in_stock) s
          WHERE p.id = $3::uuid AND p.in_stock IS DISTINCT FROM s.in_stock
         RETURNING p.id::text AS id`,
        [change.variantId, change.available, product.id],
      );
      return { slug: product.slug, inStockChanged: flipped.length > 0 };
    });
  }
}
