// order.status-changed.v1 to DELIVERED: the customer has received the order's products and may review
// them. Other status changes are passed over; so is the delivery of an order not remembered (a guest's).
import { orderStatusChangedV1, readMessage } from "@emporium/contracts";
import type { MessageHandler } from "@emporium/messaging";
import { recordOrderDelivered, type PurchaseDeps } from "../app/purchases";

export function orderStatusChangedConsumer(d: Pick<PurchaseDeps, "purchases" | "log">): MessageHandler {
  return async (envelope) => {
    if (envelope.type !== orderStatusChangedV1.type) return;
    const { data } = readMessage(envelope, orderStatusChangedV1);
    if (data.to !== "DELIVERED") return;
    const learned = await recordOrderDelivered(d, data.orderId, new Date(envelope.occurredAt));
    if (learned) d.log.info({ orderId: data.orderId }, "delivered products are now reviewable");
  };
}
