// The events a payment command is answered with, on the `payments` topic keyed by order.
import {
  createEnvelope,
  paymentAuthorizedV1,
  paymentCapturedV1,
  paymentDeclinedV1,
  paymentFailedV1,
  paymentRefundedV1,
  TOPICS,
  type MessageDefinition,
} from "@emporium/contracts";
import type { OutboxMessage } from "@emporium/messaging";
import type { z } from "zod";
import type { PaymentRow } from "../adapters/sql/payments";

export type FailedOperation = "authorize" | "capture" | "refund";

export function replies(orderId: string, traceparent: string | undefined) {
  const event = <S extends z.ZodType>(
    definition: MessageDefinition<string, S>,
    data: z.input<S>,
  ): OutboxMessage => ({
    kind: "event",
    topic: TOPICS.payments,
    envelope: createEnvelope(definition, orderId, data, { traceparent }),
  });
  return {
    authorized: (p: PaymentRow) =>
      event(paymentAuthorizedV1, { orderId, paymentId: p.id, amount: p.amount, currency: p.currency }),
    declined: (code: string, reason: string) => event(paymentDeclinedV1, { orderId, code, reason }),
    failed: (operation: FailedOperation, reason: string) =>
      event(paymentFailedV1, { orderId, operation, reason }),
    captured: (p: PaymentRow) =>
      event(paymentCapturedV1, { orderId, paymentId: p.id, amount: p.capturedAmount }),
    refunded: (p: PaymentRow, amount: number) =>
      event(paymentRefundedV1, { orderId, paymentId: p.id, amount, total: p.refundedAmount }),
  };
}

export type Replies = ReturnType<typeof replies>;
