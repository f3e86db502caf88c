// catalog.variants-added.v1: staff created variants in the catalog. Inventory opens a stock level at
// every location for each, at zero, so the admin can receive stock into it and reservations find a
// row (and refuse with "out of stock" rather than "unknown"). Idempotent twice over: the message id is
// claimed, and an existing level is left as it is.
import { readMessage, variantsAddedV1 } from "@emporium/contracts";
import { claimMessage, type MessageHandler } from "@emporium/messaging";
import type { InventoryContext } from "./context";

export function variantsAddedHandler(ctx: Pick<InventoryContext, "db" | "log">): MessageHandler {
  return async (envelope) => {
    // The catalog topic carries other catalog facts too; this worker reads only this one.
    if (envelope.type !== variantsAddedV1.type) return;
    const { data } = readMessage(envelope, variantsAddedV1);
    const opened = await ctx.db.transaction(async (tx) => {
      if (!(await claimMessage(tx, "inventory", envelope.id))) return 0;
      const rows = await tx.query(
        `INSERT INTO inventory.stock_levels (location_id, variant_id, sku, on_hand, reserved, available, updated_at)
         SELECT l.id, v."variantId", v.sku, 0, 0, 0, now()
           FROM inventory.locations l
          CROSS JOIN json_to_recordset($1::json) AS v ("variantId" uuid, sku text)
         ON CONFLICT (location_id, variant_id) DO NOTHING
         RETURNING 1 AS opened`,
        [JSON.stringify(data.variants)],
      );
      return rows.length;
    });
    ctx.log.info(
      { productId: data.productId, variants: data.variants.length, opened },
      "stock levels opened",
    );
  };
}
