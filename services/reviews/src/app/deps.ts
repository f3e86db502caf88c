// What the use cases work with: the stores, a nudge for the rating-summary relay, and the clock.
import type { PurchaseLedger } from "../ports/purchase-ledger";
import type { ReviewStore } from "../ports/review-store";

export interface ReviewsDeps {
  reviews: ReviewStore;
  purchases: PurchaseLedger;
  /** Tells the relay a product's rating summary is due (it publishes soon; a sweep catches the rest). */
  summaries: { wake(): void };
  now: () => Date;
}
