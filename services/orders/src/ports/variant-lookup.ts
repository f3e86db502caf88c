// What the orders service needs from the catalog: current price, title and stock of variants.
export interface VariantInfo {
  id: string;
  sku: string;
  title: string;
  productTitle: string;
  productSlug: string;
  price: number;
  currency: string;
  available: number;
  image: { url: string; alt: string; width: number; height: number } | null;
}

export interface VariantLookup {
  /** Published variants by id; unknown ids are left out. Throws when the catalog cannot answer. */
  variants(ids: readonly string[]): Promise<VariantInfo[]>;
}
