// Turns the saga's commands into outbox messages with their contract envelopes.
import {
  authorizePaymentV1,
  capturePaymentV1,
  commitStockV1,
  createEnvelope,
  orderStatusChangedV1,
  QUEUES,
  refundPaymentV1,
  releaseStockV1,
  reserveStockV1,
  restockStockV1,
  shipOrderV1,
  TOPICS,
  type Address,
  type OrderStatusName,
} from "@emporium/contracts";
import type { OutboxMessage } from "@emporium/messaging";
import type { SagaCommand } from "../domain/saga";

export interface OrderForCommands {
  id: string;
  number: string;
  email: string;
  currency: string;
  total: number;
  shippingMethod: string;
  shippingAddress: Address;
  paymentToken: string | null;
  lines: { variantId: string; sku: string; title: string; quantity: number; unitPrice: number }[];
  reservationExpiresAt: Date;
}

export function commandMessage(
  order: OrderForCommands,
  command: SagaCommand,
  traceparent?: string,
): OutboxMessage {
  const o = { traceparent };
  switch (command.type) {
    case "inventory.reserve":
      return {
        kind: "command",
        queue: QUEUES.inventoryReserve,
        envelope: createEnvelope(
          reserveStockV1,
          order.id,
          {
            orderId: order.id,
            lines: order.lines.map((l) => ({ variantId: l.variantId, sku: l.sku, quantity: l.quantity })),
            expiresAt: order.reservationExpiresAt.toISOString(),
          },
          o,
        ),
      };
    case "inventory.release":
      return {
        kind: "command",
        queue: QUEUES.inventoryRelease,
        envelope: createEnvelope(
          releaseStockV1,
          order.id,
          { orderId: order.id, reason: command.reason.slice(0, 200) },
          o,
        ),
      };
    case "inventory.commit":
      return {
        kind: "command",
        queue: QUEUES.inventoryCommit,
        envelope: createEnvelope(commitStockV1, order.id, { orderId: order.id }, o),
      };
    case "inventory.restock": {
      const skuOf = new Map(order.lines.map((l) => [l.variantId, l.sku]));
      return {
        kind: "command",
        queue: QUEUES.inventoryRestock,
        envelope: createEnvelope(
          restockStockV1,
          order.id,
          {
            orderId: order.id,
            orderNumber: order.number,
            locationId: command.locationId,
            lines: command.lines.map((l) => ({ ...l, sku: skuOf.get(l.variantId) ?? "" })),
            actor: command.actor,
          },
          o,
        ),
      };
    }
    case "payment.authorize":
      if (!order.paymentToken) throw new Error(`order ${order.id} has no payment token to authorise`);
      return {
        kind: "command",
        queue: QUEUES.paymentAuthorize,
        envelope: createEnvelope(
          authorizePaymentV1,
          order.id,
          {
            orderId: order.id,
            amount: order.total,
            currency: order.currency,
            paymentToken: order.paymentToken,
            ...(command.attempt ? { attempt: command.attempt } : {}),
          },
          o,
        ),
      };
    case "payment.capture":
      return {
        kind: "command",
        queue: QUEUES.paymentCapture,
        envelope: createEnvelope(
          capturePaymentV1,
          order.id,
          { orderId: order.id, amount: command.amount },
          o,
        ),
      };
    case "payment.refund":
      return {
        kind: "command",
        queue: QUEUES.paymentRefund,
        envelope: createEnvelope(
          refundPaymentV1,
          order.id,
          { orderId: order.id, amount: command.amount, reason: command.reason.slice(0, 200) },
          o,
        ),
      };
    case "fulfillment.ship":
      return {
        kind: "command",
        queue: QUEUES.fulfillmentShip,
        envelope: createEnvelope(
          shipOrderV1,
          order.id,
          {
            orderId: order.id,
            number: order.number,
            email: order.email,
            shippingMethod: order.shippingMethod,
            address: order.shippingAddress,
            lines: order.lines,
          },
          o,
        ),
      };
  }
}

export function statusChangedMessage(
  order: { id: string; number: string },
  from: OrderStatusName,
  to: OrderStatusName,
  reason: string | null,
  traceparent?: string,
): OutboxMessage {
  return {
    kind: "event",
    topic: TOPICS.orders,
    envelope: createEnvelope(
      orderStatusChangedV1,
      order.id,
      { orderId: order.id, number: order.number, from, to, reason },
      { traceparent },
    ),
  };
}
