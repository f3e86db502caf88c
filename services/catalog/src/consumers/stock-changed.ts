// Keeps the catalog's stock read model (variant.available, product.inStock) in step with inventory's
// `inventory.stock-changed.v1` events; a redelivered event changes nothing (the read model claims its id).
import { readMessage, stockChangedV1 } from "@emporium/contracts";
import type { MessageHandler } from "@emporium/messaging";
import type { StockReadModel } from "../ports/stock-read-model";

export function stockChangedConsumer(
  readModel: StockReadModel,
  onProductChanged: (slug: string, inStockChanged: boolean) => Promise<void>,
): MessageHandler {
  return async (envelope) => {
    if (envelope.type !== stockChangedV1.type) return;
    const { data } = readMessage(envelope, stockChangedV1);
    const applied = await readModel.applyStockChange(envelope.id, data);
    if (applied) await onProductChanged(applied.slug, applied.inStockChanged);
  };
}
