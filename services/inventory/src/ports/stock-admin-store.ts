// What the staff API needs from storage: stock figures, guarded changes and the adjustment history.
// Every change records its audit event (domain/audit-records.ts) in the inventory's outbox in its own
// transaction, for the staff member its AuditScope names: a change that fails records nothing.
import type { AuditScope } from "@emporium/contracts";
import type { AdjustmentReason, StockChange } from "../domain/adjustment";
import type { AdjustmentResult, LocationStock, LowStockPage, StockOverview } from "../domain/types";

export interface AdjustStock {
  variantId: string;
  locationId: string;
  change: StockChange;
  reason: AdjustmentReason;
  note: string | null;
  /** Who adjusts (kept on the adjustment row too) in which request (its trace goes on the events). */
  audit: AuditScope;
}

export interface StockAdminStore {
  overview(variantIds: readonly string[], historyLimit: number): Promise<StockOverview>;
  /**
   * Applies one adjustment with its history row, stock-changed event and audit event (stock.adjusted),
   * all in one transaction.
   */
  adjust(input: AdjustStock): Promise<AdjustmentResult>;
  /** Sets a location's low-stock threshold for a variant, audited as stock.threshold-changed. */
  setThreshold(
    variantId: string,
    locationId: string,
    threshold: number,
    audit: AuditScope,
  ): Promise<LocationStock>;
  low(page: number, limit: number): Promise<LowStockPage>;
}
