// What the inventory's staff API answers with (the admin app imports these through ../client).
import type { AdjustmentReason } from "./adjustment";

export interface StockLocation {
  id: string;
  code: string;
  name: string;
  country: string;
}

export interface LocationStock {
  locationId: string;
  /** False where the variant has no stock level at this location yet (all figures 0). */
  stocked: boolean;
  onHand: number;
  reserved: number;
  available: number;
  lowStockThreshold: number;
  low: boolean;
}

export interface VariantStock {
  variantId: string;
  sku: string;
  onHand: number;
  reserved: number;
  available: number;
  /** The sum of the locations' thresholds: the variant runs low at or under it. */
  lowStockThreshold: number;
  low: boolean;
  /** One entry per location, in the order of `StockOverview.locations`. */
  locations: LocationStock[];
}

export interface StockAdjustmentView {
  id: string;
  variantId: string;
  sku: string;
  locationId: string;
  locationName: string;
  delta: number;
  onHandAfter: number;
  reason: AdjustmentReason;
  note: string | null;
  by: string;
  at: string;
}

export interface StockOverview {
  locations: StockLocation[];
  variants: VariantStock[];
  /** The latest adjustments of these variants, newest first. */
  adjustments: StockAdjustmentView[];
}

export interface AdjustmentResult {
  adjustment: StockAdjustmentView;
  level: LocationStock;
}

export interface LowStockVariant {
  variantId: string;
  sku: string;
  onHand: number;
  reserved: number;
  available: number;
  lowStockThreshold: number;
  /** Locations holding a stock level for it. */
  locations: number;
}

export interface LowStockPage {
  items: LowStockVariant[];
  total: number;
  page: number;
  pageCount: number;
}
