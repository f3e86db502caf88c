// What the use cases work with: the stores, nudges for the rating-summary and audit relays, and the clock.
import type { RateLimiter } from "@emporium/service-kit/limits";
import type { PurchaseLedger } from "../ports/purchase-ledger";
import type { ReviewStore } from "../ports/review-store";
import type { ReviewPhotos } from "./photos";

export interface ReviewsDeps {
  reviews: ReviewStore;
  purchases: PurchaseLedger;
  /** Tells the relay a product's rating summary is due (it publishes soon; a sweep catches the rest). */
  summaries: { wake(): void };
  /** Tells the audit relay a staff change's audit event waits on a review (see app/audit-relay.ts). */
  auditEvents: { wake(): void };
  /** Photos on reviews; null where no object store is configured (photos are then refused with 503). */
  photos: ReviewPhotos | null;
  /** Photo uploads signed per shopper (REVIEW_PHOTO_UPLOADS_*). */
  photoUploads: RateLimiter;
  now: () => Date;
}
