// When the breaker to the provider opens or closes, the rest of the shop hears it: a
// payment.provider-status event through the outbox (checkout can refuse early and say why) and a log
// line. (Its state as a metric is circuit_breaker_state{dependency="payment-provider"}.)
import { createEnvelope, paymentProviderStatusV1, TOPICS } from "@emporium/contracts";
import type { Logger } from "@emporium/observability";
import type { BreakerState } from "../ports/payment-provider";
import type { EventOutbox } from "../ports/event-outbox";

/** The Kafka key of provider-status events: one stream of them for the whole provider. */
export const PROVIDER_AGGREGATE = "payment-provider";

export class ProviderStatusReporter {
  private pending: Promise<void> = Promise.resolve();
  /** What the shop was last told; a breaker that opens again after a failed probe is no news. */
  private told: boolean | null = null;

  constructor(
    private readonly outbox: EventOutbox,
    private readonly log: Logger,
  ) {}

  readonly onStateChange = (state: BreakerState, reason: string): void => {
    if (state === "open") this.log.warn({ breaker: state }, reason);
    else this.log.info({ breaker: state }, reason);
    if (state !== "half-open") this.tell(state === "closed", reason);
  };

  /**
   * Tells the shop where things stand now (at start-up): a status left at "unavailable" by an earlier
   * run would otherwise keep checkout closed with nothing left to reopen it.
   */
  announce(state: BreakerState, reason: string): void {
    this.told = null;
    this.tell(state === "closed", reason);
  }

  private tell(available: boolean, reason: string): void {
    if (this.told === available) return;
    this.told = available;
    const envelope = createEnvelope(paymentProviderStatusV1, PROVIDER_AGGREGATE, {
      available,
      reason: reason.slice(0, 300),
    });
    // Written one after another, so the events leave in the order the breaker changed.
    this.pending = this.pending
      .then(() => this.outbox.append([{ kind: "event", topic: TOPICS.payments, envelope }]))
      .catch((err: unknown) => this.log.error({ err, available }, "could not record the provider status"));
  }

  /** Resolves once every status change so far is in the outbox (or was logged as lost). */
  flush(): Promise<void> {
    return this.pending;
  }
}
