// Whether payments can be taken, as last reported by the payment worker's circuit breaker. Checkout
// refuses up front while it is open instead of taking orders it cannot honestly complete. Unknown
// (no report yet) counts as available: the saga still cancels cleanly if the provider is down.
import { paymentProviderStatusV1, readMessage } from "@emporium/contracts";
import type { MessageHandler } from "@emporium/messaging";
import type { Logger } from "@emporium/observability";

export class PaymentAvailability {
  private available = true;
  private reason = "";

  constructor(private readonly log: Logger) {}

  isAvailable(): boolean {
    return this.available;
  }

  describe(): { available: boolean; reason: string } {
    return { available: this.available, reason: this.reason };
  }

  handler(): MessageHandler {
    return async (envelope) => {
      if (envelope.type !== paymentProviderStatusV1.type) return;
      const { data } = readMessage(envelope, paymentProviderStatusV1);
      if (data.available !== this.available)
        this.log.warn({ available: data.available, reason: data.reason }, "payment provider status changed");
      this.available = data.available;
      this.reason = data.reason;
    };
  }
}
