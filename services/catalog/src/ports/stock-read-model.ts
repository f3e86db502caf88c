// What the stock-changed consumer needs from the database: the catalog's copy of a variant's stock
// figure (variant.available, product.inStock), written at most once per message.

export interface StockChange {
  variantId: string;
  available: number;
}

export interface AppliedStockChange {
  slug: string;
  /** Whether the product went in or out of stock (listings show that; the figure only its page). */
  inStockChanged: boolean;
}

export interface StockReadModel {
  /**
   * Records the variant's figure and whether its product is in stock, claiming `messageId` in the same
   * transaction; returns the product's slug and whether it went in or out of stock, or null when the
   * message was already applied or names no variant the catalog knows.
   */
  applyStockChange(messageId: string, change: StockChange): Promise<AppliedStockChange | null>;
}
