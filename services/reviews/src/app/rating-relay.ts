// Publishes products' rating summaries reliably without a multi-document transaction (which
// mongo-java-server, CI's MongoDB stand-in, does not offer, and a standalone MongoDB neither): the
// change that makes a summary due writes a mark on the review itself, in the same single-document write.
// This relay reads the due marks, computes each product's summary from its approved reviews as they
// stand, publishes it, and only then clears the marks it read — a mark written meanwhile by a newer
// change carries another value and stays. A crash between publishing and clearing publishes the same
// summary again, which changes nothing for a reader that keeps the latest summary per product; a crash
// before publishing leaves the mark for the next pass. Woken after each change, and every few seconds.
import { createEnvelope, productRatingChangedV1, TOPICS } from "@emporium/contracts";
import type { EventBus } from "@emporium/messaging";
import type { Logger } from "@emporium/observability";
import { summarize } from "../domain/review";
import type { ReviewStore, SummaryMark } from "../ports/review-store";

export interface RatingRelayOptions {
  reviews: ReviewStore;
  events: EventBus;
  log: Logger;
  /** How often due marks are looked for without a nudge (default 5 s). */
  intervalMs?: number;
  /** Marks read per pass. */
  batchSize?: number;
}

export class RatingRelay {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  private again = false;
  private failing = false;

  constructor(private readonly o: RatingRelayOptions) {}

  start(): void {
    this.timer = setInterval(() => this.wake(), this.o.intervalMs ?? 5_000);
    this.timer.unref();
    this.wake();
  }

  /** Runs a pass soon; a nudge during a pass runs one more after it. */
  wake(): void {
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = (async () => {
      do {
        this.again = false;
        await this.pass();
      } while (this.again);
    })().finally(() => {
      this.running = null;
    });
  }

  /** Publishes every due summary; resolves when none is left (tests and shutdown wait on it). */
  async drain(): Promise<void> {
    while (this.running) await this.running;
    await this.pass();
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    while (this.running) await this.running;
  }

  private async pass(): Promise<void> {
    const batchSize = this.o.batchSize ?? 100;
    try {
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
      if (this.failing) this.o.log.info("rating summaries are published again");
      this.failing = false;
    } catch (err) {
      // The marks stay: the next pass publishes them. One warning per run of failures.
      if (!this.failing) this.o.log.warn({ err }, "could not publish rating summaries yet; will try again");
      this.failing = true;
    }
  }
}
