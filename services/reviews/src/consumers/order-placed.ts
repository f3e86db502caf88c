// order.placed.v1: a signed-in customer's order is remembered with the products it holds, so its
// delivery can make them reviewable (app/purchases.ts). A guest's order is passed over. Redelivery
// changes nothing; a catalog that cannot answer makes the bus try again later.
import { orderPlacedV1, readMessage } from "@emporium/contracts";
import type { MessageHandler } from "@emporium/messaging";
import { recordOrderPlaced, type PurchaseDeps } from "../app/purchases";

export function orderPlacedConsumer(d: PurchaseDeps): MessageHandler {
  return async (envelope) => {
    // The orders topic carries every order fact; this one reads only placements.
    if (envelope.type !== orderPlacedV1.type) return;
    const { data } = readMessage(envelope, orderPlacedV1);
    await recordOrderPlaced(d, {
      orderId: data.orderId,
      customerId: data.customerId,
      variantIds: data.lines.map((l) => l.variantId),
    });
  };
}
