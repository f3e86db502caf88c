// What the staff audit log records of a change to stock: the stock of one variant at one location is
// the target ("TEE-NAVY-M at Berlin warehouse"), and its figures before and after are compared
// (@emporium/contracts' audit builder keeps only those that differ). A level the change opened at a
// location that did not stock the variant yet had no figures before (null).
import type { AuditRecord } from "@emporium/contracts";
import type { AdjustmentReason } from "./adjustment";

export const STOCK_AUDIT_ACTIONS = {
  adjusted: "stock.adjusted",
  thresholdChanged: "stock.threshold-changed",
} as const;

export interface StockPlace {
  variantId: string;
  sku: string;
  locationId: string;
  locationName: string;
}

function target(place: StockPlace): AuditRecord["target"] {
  return {
    type: "stock",
    id: `${place.variantId}@${place.locationId}`,
    label: `${place.sku} at ${place.locationName}`,
  };
}

type Figures = { onHand: number; available: number };

/** Why, as staff gave it: the reason chosen and the note written ("received: PO 1234"). */
export function adjustmentReason(reason: AdjustmentReason, note: string | null): string {
  return note ? `${reason}: ${note}` : reason;
}

export function stockAdjusted(
  place: StockPlace,
  before: Figures | null,
  after: Figures,
  why: { reason: AdjustmentReason; note: string | null },
): AuditRecord {
  return {
    action: STOCK_AUDIT_ACTIONS.adjusted,
    target: target(place),
    before: before && { onHand: before.onHand, available: before.available },
    after: { onHand: after.onHand, available: after.available },
    reason: adjustmentReason(why.reason, why.note),
  };
}

export function thresholdChanged(place: StockPlace, before: number | null, after: number): AuditRecord {
  return {
    action: STOCK_AUDIT_ACTIONS.thresholdChanged,
    target: target(place),
    before: before === null ? null : { lowStockThreshold: before },
    after: { lowStockThreshold: after },
  };
}
