// What the rating-changed consumer needs from the database: the catalog's copy of a product's rating
// summary (products.rating_average, rating_count), written at most once per message.

export interface RatingSummary {
  productId: string;
  /** Null while the product has no approved review. */
  average: number | null;
  count: number;
}

export interface RatingReadModel {
  /**
   * Records the product's summary, claiming `messageId` in the same transaction; returns the product's
   * slug, or null when the message was already applied or names no product the catalog knows.
   */
  applyRating(messageId: string, summary: RatingSummary): Promise<string | null>;
}
