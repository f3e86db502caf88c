// The service's document store as a unit: its reviews and its purchases, on one server (or in memory),
// opened and closed together.
import type { PurchaseLedger } from "./purchase-ledger";
import type { ReviewStore } from "./review-store";

export interface ReviewsStorage {
  reviews: ReviewStore;
  purchases: PurchaseLedger;
  /** "MongoDB emporium_reviews at mongodb://host:27017", "in memory". */
  description: string;
  /** Resolves when the store answers; throws UnavailableError otherwise (the /readyz check). */
  ping(): Promise<void>;
  close(): Promise<void>;
}
