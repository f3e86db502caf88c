// What the staff API needs from storage: stock figures, guarded changes and the adjustment history.
// Every change records its audit event (domain/audit-records.ts) in the inventory's outbox in its own
// transaction, for the staff member its AuditScope names: a change that fails records nothing.
import type { AuditScope } from "@emporium/contracts";
import type { AdjustmentReason, StockChange } from "../domain/adjustment";
import type {
  AdjustmentResult,
  LocationStock,
  LowStockPage,
  StockLocation,
  StockOverview,
} from "../domain/types";

export interface AdjustStock {
  variantId: string;
  locationId: string;
  change: StockChange;
  reason: AdjustmentReason;
  note: string | null;
  /** Who adjusts (kept on the adjustment row too) in which request (its trace goes on the events). */
  audit: AuditScope;
}

export interface SetLevels {
  /** Scoped to the staff member: the same key and levels again change nothing. */
  idempotencyKey: string;
  note: string | null;
  variants: { variantId: string; sku: string; locations: { locationId: string; onHand: number }[] }[];
  audit: AuditScope;
}

export interface SetLevelsResult {
  /** How many levels changed (0 on a replay). */
  changed: number;
  /** True when the key had been used for these levels already and nothing was done again. */
  replayed: boolean;
  levels: { variantId: string; locationId: string; onHand: number; reserved: number; available: number }[];
}

export interface StockAdminStore {
  locations(): Promise<StockLocation[]>;
  overview(variantIds: readonly string[], historyLimit: number): Promise<StockOverview>;
  /**
   * Applies one adjustment with its history row, stock-changed event and audit event (stock.adjusted),
   * all in one transaction.
   */
  adjust(input: AdjustStock): Promise<AdjustmentResult>;
  /**
   * Sets the on-hand count of every given variant at every given location in one transaction, opening
   * levels that do not exist yet; each change is a "recount" adjustment with its audit event. One bad
   * cell refuses the whole batch with nothing changed.
   */
  setLevels(input: SetLevels): Promise<SetLevelsResult>;
  /** Sets a location's low-stock threshold for a variant, audited as stock.threshold-changed. */
  setThreshold(
    variantId: string,
    locationId: string,
    threshold: number,
    audit: AuditScope,
  ): Promise<LocationStock>;
  low(page: number, limit: number): Promise<LowStockPage>;
}
