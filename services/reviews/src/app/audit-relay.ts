// Publishes the audit events of staff changes to reviews (approved, rejected, replied) without a
// multi-document transaction: the change pushes its event onto the review's own `pendingAudit` in the
// same single-document write (a one-document outbox), and this relay publishes the waiting events on the
// audit topic and then removes exactly the ones it published, by envelope id — an event added meanwhile
// stays for the next pass. A crash between publishing and removing publishes the same envelopes again;
// the audit service stores each envelope id once, so the log is unchanged. A failed publish removes
// nothing, and the next pass (woken after each change, and every few seconds) tries again.
import { TOPICS } from "@emporium/contracts";
import type { EventBus } from "@emporium/messaging";
import type { ReviewStore } from "../ports/review-store";
import { RelayLoop, type RelayLoopOptions } from "./relay-loop";

export interface AuditRelayOptions extends RelayLoopOptions {
  reviews: ReviewStore;
  events: EventBus;
  /** Reviews read per pass. */
  batchSize?: number;
}

export class AuditRelay extends RelayLoop {
  constructor(private readonly o: AuditRelayOptions) {
    super("audit events", o);
  }

  protected async publishDue(): Promise<void> {
    const batchSize = this.o.batchSize ?? 100;
    for (;;) {
      const due = await this.o.reviews.pendingAudit(batchSize);
      if (due.length === 0) break;
      // Keyed by target (review:<id>), so one review's events keep their order on the topic.
      await this.o.events.publish(
        due.flatMap(({ envelopes }) => envelopes.map((envelope) => ({ topic: TOPICS.audit, envelope }))),
      );
      for (const { reviewId, envelopes } of due)
        await this.o.reviews.clearAudit(
          reviewId,
          envelopes.map((e) => e.id),
        );
      this.o.log.debug({ reviews: due.length }, "audit events published");
      if (due.length < batchSize) break;
    }
  }
}
