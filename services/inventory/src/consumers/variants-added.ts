// catalog.variants-added.v1: staff created variants in the catalog. Inventory opens a stock level at
// every location for each, at zero, so the admin can receive stock into it and reservations find a
// row (and refuse with "out of stock" rather than "unknown"). Idempotent twice over: the message id is
// claimed, and an existing level is left as it is.
import { readMessage, variantsAddedV1 } from "@emporium/contracts";
import { claimMessage, type MessageHandler } from "@emporium/messaging";
import { openStockLevels } from "../adapters/sql/stock";
import type { InventoryContext } from "./context";

export function variantsAddedConsumer(ctx: Pick<InventoryContext, "db" | "log">): MessageHandler {
  return async (envelope) => {
    // The catalog topic carries other catalog facts too; this worker reads only this one.
    if (envelope.type !== variantsAddedV1.type) return;
    const { data } = readMessage(envelope, variantsAddedV1);
    const opened = await ctx.db.transaction(async (tx) => {
      if (!(await claimMessage(tx, "inventory", envelope.id))) return 0;
      return openStockLevels(tx, data.variants);
    });
    ctx.log.info(
      { productId: data.productId, variants: data.variants.length, opened },
      "stock levels opened",
    );
  };
}
