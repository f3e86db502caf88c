// Whether payments can be taken, as last reported by the payment worker's circuit breaker. Checkout
// refuses up front while it is open instead of taking orders it cannot honestly complete. Unknown
// (no report yet) counts as available: the saga still cancels cleanly if the provider is down. The
// reports arrive through consumers/payment-provider-status.ts.
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

  /** The payment worker's latest report. */
  report(available: boolean, reason: string): void {
    if (available !== this.available) this.log.warn({ available, reason }, "payment provider status changed");
    this.available = available;
    this.reason = reason;
  }
}
