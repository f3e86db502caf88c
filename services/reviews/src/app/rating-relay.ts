// Publishes products' rating summaries reliably without a multi-document transaction (which
// mongo-java-server, CI's MongoDB stand-in, does not offer, and a standalone MongoDB neither): the
// change that makes a summary due writes a mark on the review itself, in the same single-document write.
// This relay reads the due marks, computes each product's summary from its approved reviews as they
// stand, publishes it, and only then clears the marks it read — a mark written meanwhile by a newer
// change carries another value and stays. A crash between publishing and clearing publishes the same
// summary again, which changes nothing for a reader that keeps the latest summary per product; a crash
// before publishing leaves the mark for the next pass. Woken after each change, and every few seconds
// (the loop in relay-loop.ts, shared with the audit relay).
import { createEnvelope, productRatingChangedV1, TOPICS } from "@emporium/contracts";
import type { EventBus } from "@emporium/messaging";
import { summarize } from "../domain/review";
import type { ReviewStore, SummaryMark } from "../ports/review-store";
import { RelayLoop, type RelayLoopOptions } from "./relay-loop";

export interface RatingRelayOptions extends RelayLoopOptions {
  reviews: ReviewStore;
  events: EventBus;
  /** Marks read per pass. */
  batchSize?: number;
}

export class RatingRelay extends RelayLoop {
  constructor(private readonly o: RatingRelayOptions) {
    super("rating summaries", o);
  }

  protected async publishDue(): Promise<void> {
    const batchSize = this.o.batchSize ?? 100;
    for (;;) {
      const marks = await this.o.reviews.summaryMarks(batchSize);
      if (marks.length === 0) break;
      const byProduct = new Map<string, SummaryMark[]>();
      for (const m of marks) byProduct.set(m.productId, [...(byProduct.get(m.productId) ?? []), m]);
      for (const [productId, due] of byProduct) {
        const summary = summarize(productId, await this.o.reviews.ratingCounts(productId));
        await this.o.events.publish([
          {
            topic: TOPICS.reviews,
            envelope: createEnvelope(productRatingChangedV1, productId, {
              productId,
              average: summary.average,
              count: summary.count,
            }),
          },
        ]);
        for (const m of due) await this.o.reviews.clearSummaryMark(m.reviewId, m.mark);
        this.o.log.debug({ productId, average: summary.average, count: summary.count }, "rating published");
      }
      if (marks.length < batchSize) break;
    }
  }
}
