// Commands the payment worker accepts and facts it publishes on the `payments` topic.
import { z } from "zod";
import { defineMessage } from "./envelope";
import { currency, id, money } from "./shared";

/** A payment-method token from the provider: card numbers never travel through Emporium. */
export const paymentToken = z
  .string()
  .regex(/^tok_[A-Za-z0-9]{8,64}$/, "must be a payment token such as tok_…");

export const authorizePaymentV1 = defineMessage(
  "payment.authorize.v1",
  z.object({
    orderId: id,
    amount: money,
    currency,
    paymentToken,
    /** The shopper's attempt at paying this order (absent: the first): another card is a new attempt. */
    attempt: z.number().int().min(1).max(100).optional(),
  }),
);
export const capturePaymentV1 = defineMessage("payment.capture.v1", z.object({ orderId: id, amount: money }));
export const refundPaymentV1 = defineMessage(
  "payment.refund.v1",
  z.object({ orderId: id, amount: money, reason: z.string().max(200) }),
);

export const paymentAuthorizedV1 = defineMessage(
  "payment.authorized.v1",
  z.object({ orderId: id, paymentId: id, amount: money, currency }),
);
export const paymentDeclinedV1 = defineMessage(
  "payment.declined.v1",
  z.object({ orderId: id, code: z.string(), reason: z.string() }),
);
export const paymentCapturedV1 = defineMessage(
  "payment.captured.v1",
  z.object({ orderId: id, paymentId: id, amount: money }),
);
export const paymentRefundedV1 = defineMessage(
  "payment.refunded.v1",
  z.object({ orderId: id, paymentId: id, amount: money, total: money }),
);
export const paymentFailedV1 = defineMessage(
  "payment.failed.v1",
  z.object({ orderId: id, operation: z.enum(["authorize", "capture", "refund"]), reason: z.string() }),
);

/** The payment worker's circuit breaker to the provider opened or closed: checkout can refuse early. */
export const paymentProviderStatusV1 = defineMessage(
  "payment.provider-status.v1",
  z.object({ available: z.boolean(), reason: z.string().max(300) }),
);
