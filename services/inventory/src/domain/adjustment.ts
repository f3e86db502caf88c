// Manual stock adjustments as plain rules: which reasons exist, which way each may move the count, and
// whether a change leaves the level sound (on hand never below what is reserved, so available never
// below zero). The SQL repeats the last rule in its UPDATE; this one gives the caller a clear answer.

export const ADJUSTMENT_REASONS = [
  "received",
  "damaged",
  "lost",
  "recount",
  "returned",
  "correction",
] as const;
export type AdjustmentReason = (typeof ADJUSTMENT_REASONS)[number];

/** Units only ever arrive for these reasons and only ever leave for those; counts go either way. */
const DIRECTION: Record<AdjustmentReason, "up" | "down" | "either"> = {
  received: "up",
  returned: "up",
  damaged: "down",
  lost: "down",
  recount: "either",
  correction: "either",
};

/** Keeps a typo ("1000000" for "100") from becoming a believable stock figure. */
export const MAX_ON_HAND = 1_000_000;
export const MAX_THRESHOLD = 100_000;

/** Either a signed change of on-hand units or the on-hand count found by counting. */
export type StockChange = { delta: number } | { onHand: number };

export interface LevelFigures {
  onHand: number;
  reserved: number;
  available: number;
}

export type AdjustmentPlan =
  | { ok: true; delta: number; onHandAfter: number }
  | { ok: false; field: "delta" | "onHand" | "reason"; detail: string };

export function planAdjustment(
  level: LevelFigures,
  change: StockChange,
  reason: AdjustmentReason,
): AdjustmentPlan {
  const field = "delta" in change ? "delta" : "onHand";
  const delta = "delta" in change ? change.delta : change.onHand - level.onHand;
  const onHandAfter = level.onHand + delta;
  // A delta of zero changes nothing; a count that matches the figure is still worth recording.
  if ("delta" in change && delta === 0) return { ok: false, field, detail: "must not be zero" };
  const direction = DIRECTION[reason];
  if (direction === "up" && delta <= 0)
    return {
      ok: false,
      field,
      detail: `stock ${reason} must add units (use "correction" or "recount" to take units away)`,
    };
  if (direction === "down" && delta >= 0)
    return {
      ok: false,
      field,
      detail: `stock ${reason} must remove units (use "correction" or "recount" to add units)`,
    };
  if (onHandAfter < level.reserved) {
    const removable = level.onHand - level.reserved;
    const figures = `${level.onHand} on hand, ${level.reserved} reserved for orders`;
    return {
      ok: false,
      field,
      detail:
        "delta" in change
          ? `cannot remove ${-delta}; at most ${removable} can be removed here (${figures})`
          : `cannot be below the ${level.reserved} units reserved for orders`,
    };
  }
  if (onHandAfter > MAX_ON_HAND)
    return {
      ok: false,
      field,
      detail: `on hand would exceed ${MAX_ON_HAND.toLocaleString("en")}`,
    };
  return { ok: true, delta, onHandAfter };
}

/**
 * A variant runs low when what the shop can still sell, across all locations, is at or under the sum
 * of its locations' own thresholds. Totals, not each location: a reservation takes units from any
 * location, so a variant sold out in one warehouse but plentiful in another is not at risk.
 */
export function isLow(totalAvailable: number, totalThreshold: number): boolean {
  return totalAvailable <= totalThreshold;
}
