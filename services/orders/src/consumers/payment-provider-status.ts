// The payment worker's provider status (its circuit breaker opening and closing), kept by this instance
// so checkout can refuse up front while payments cannot be taken.
import { paymentProviderStatusV1, readMessage } from "@emporium/contracts";
import type { MessageHandler } from "@emporium/messaging";
import type { PaymentAvailability } from "../app/payment-availability";

export function paymentProviderStatusConsumer(payments: PaymentAvailability): MessageHandler {
  return async (envelope) => {
    if (envelope.type !== paymentProviderStatusV1.type) return;
    const { data } = readMessage(envelope, paymentProviderStatusV1);
    payments.report(data.available, data.reason);
  };
}
