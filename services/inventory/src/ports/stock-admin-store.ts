// What the staff API needs from storage: stock figures, guarded changes and the adjustment history.
import type { AdjustmentReason, StockChange } from "../domain/adjustment";
import type { AdjustmentResult, LocationStock, LowStockPage, StockOverview } from "../domain/types";

export interface Actor {
  userId: string;
  email: string;
}

export interface AdjustStock {
  variantId: string;
  locationId: string;
  change: StockChange;
  reason: AdjustmentReason;
  note: string | null;
  actor: Actor;
  traceparent?: string;
}

export interface StockAdminStore {
  overview(variantIds: readonly string[], historyLimit: number): Promise<StockOverview>;
  /** Applies one adjustment with its history row and stock-changed event, all in one transaction. */
  adjust(input: AdjustStock): Promise<AdjustmentResult>;
  setThreshold(variantId: string, locationId: string, threshold: number): Promise<LocationStock>;
  low(page: number, limit: number): Promise<LowStockPage>;
}
