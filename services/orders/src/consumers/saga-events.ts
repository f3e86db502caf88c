// The saga's consumer: the events it listens to (from inventory, payments and fulfillment), read off
// the wire with their contracts and applied as saga steps. Anything else on the same topics
// (stock-changed feeds, provider status) is not the saga's business.
import {
  orderDeliveredV1,
  orderShippedV1,
  paymentAuthorizedV1,
  paymentCapturedV1,
  paymentDeclinedV1,
  paymentFailedV1,
  paymentRefundedV1,
  readMessage,
  shipmentCreatedV1,
  shipmentProgressedV1,
  stockCommittedV1,
  stockRejectedV1,
  stockReleasedV1,
  stockReservedV1,
  type Envelope,
} from "@emporium/contracts";
import type { MessageHandler } from "@emporium/messaging";
import type { Logger } from "@emporium/observability";
import type { OrderMetrics } from "../app/order-metrics";
import { applySagaEvent } from "../app/saga-steps";
import type { SagaEvent } from "../domain/saga";
import type { SagaStore } from "../ports/saga-store";

export interface SagaConsumerDeps {
  orders: Pick<SagaStore, "readSagaOrder" | "writeSagaStep">;
  log: Logger;
  reservationTtlMs: number;
  metrics: OrderMetrics;
  now?: () => Date;
}

export function sagaConsumer(d: SagaConsumerDeps): MessageHandler {
  return async (envelope: Envelope) => {
    const read = readSagaEvent(envelope);
    if (!read) return;
    const result = await applySagaEvent(d.orders, read.orderId, read.event, {
      now: d.now?.() ?? new Date(),
      reservationTtlMs: d.reservationTtlMs,
      traceparent: envelope.traceparent,
      messageId: envelope.id,
    });
    if (result.kind === "unknown")
      d.log.warn({ orderId: read.orderId, type: envelope.type }, "event for an unknown order ignored");
    d.metrics.applied(result);
  };
}

export function readSagaEvent(envelope: Envelope): { orderId: string; event: SagaEvent } | null {
  switch (envelope.type) {
    case stockReservedV1.type:
      return {
        orderId: readMessage(envelope, stockReservedV1).data.orderId,
        event: { type: "inventory.reserved.v1" },
      };
    case stockRejectedV1.type: {
      const { data } = readMessage(envelope, stockRejectedV1);
      return { orderId: data.orderId, event: { type: "inventory.rejected.v1", reason: data.reason } };
    }
    case stockReleasedV1.type: {
      const { data } = readMessage(envelope, stockReleasedV1);
      return { orderId: data.orderId, event: { type: "inventory.released.v1", reason: data.reason } };
    }
    case stockCommittedV1.type:
      return {
        orderId: readMessage(envelope, stockCommittedV1).data.orderId,
        event: { type: "inventory.committed.v1" },
      };
    case paymentAuthorizedV1.type:
      return {
        orderId: readMessage(envelope, paymentAuthorizedV1).data.orderId,
        event: { type: "payment.authorized.v1" },
      };
    case paymentDeclinedV1.type: {
      const { data } = readMessage(envelope, paymentDeclinedV1);
      return {
        orderId: data.orderId,
        event: { type: "payment.declined.v1", code: data.code, reason: data.reason },
      };
    }
    case paymentFailedV1.type: {
      const { data } = readMessage(envelope, paymentFailedV1);
      return {
        orderId: data.orderId,
        event: { type: "payment.failed.v1", operation: data.operation, reason: data.reason },
      };
    }
    case paymentCapturedV1.type: {
      const { data } = readMessage(envelope, paymentCapturedV1);
      return { orderId: data.orderId, event: { type: "payment.captured.v1", amount: data.amount } };
    }
    case paymentRefundedV1.type: {
      const { data } = readMessage(envelope, paymentRefundedV1);
      return {
        orderId: data.orderId,
        event: { type: "payment.refunded.v1", amount: data.amount, total: data.total },
      };
    }
    case shipmentCreatedV1.type: {
      const { data } = readMessage(envelope, shipmentCreatedV1);
      return {
        orderId: data.orderId,
        event: {
          type: "fulfillment.shipment-created.v1",
          carrier: data.carrier,
          trackingNumber: data.trackingNumber,
        },
      };
    }
    case orderShippedV1.type: {
      const { data } = readMessage(envelope, orderShippedV1);
      return {
        orderId: data.orderId,
        event: { type: "fulfillment.shipped.v1", carrier: data.carrier, trackingNumber: data.trackingNumber },
      };
    }
    case shipmentProgressedV1.type: {
      const { data } = readMessage(envelope, shipmentProgressedV1);
      return { orderId: data.orderId, event: { type: "fulfillment.progressed.v1", status: data.status } };
    }
    case orderDeliveredV1.type:
      return {
        orderId: readMessage(envelope, orderDeliveredV1).data.orderId,
        event: { type: "fulfillment.delivered.v1" },
      };
    default:
      return null;
  }
}
