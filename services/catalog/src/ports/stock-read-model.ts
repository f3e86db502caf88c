// What the stock-changed consumer needs from the database: the catalog's copy of a variant's stock
// figure (variant.available, product.inStock), written at most once per message.

export interface StockChange {
  variantId: string;
  available: number;
}

export interface StockReadModel {
  /**
   * Records the variant's figure and whether its product is in stock, claiming `messageId` in the same
   * transaction; returns the product's slug, or null when the message was already applied or names no
   * variant the catalog knows.
   */
  applyStockChange(messageId: string, change: StockChange): Promise<string | null>;
}
