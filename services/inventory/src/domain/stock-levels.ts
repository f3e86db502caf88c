// Setting many stock levels at once (a product's whole variants × locations grid in one save): each
// cell names the on-hand count found or intended, and the batch either applies every change or none.
// The first cell that cannot be set is refused by its place in the input and by what a person calls
// it (the SKU and the location's name); cells whose count is already right change nothing.
import { MAX_ON_HAND, planAdjustment, type LevelFigures } from "./adjustment";

export interface LevelCell {
  /** The input field of this cell ("variants.1.locations.0.onHand"). */
  field: string;
  variantId: string;
  sku: string;
  locationId: string;
  locationName: string;
  /** The on-hand count asked for. */
  onHand: number;
  /** The level's figures under its row lock; zeros for a level the batch opens. */
  current: LevelFigures;
}

export interface LevelChange {
  variantId: string;
  locationId: string;
  delta: number;
  onHandAfter: number;
}

export type LevelsPlan = { ok: true; changes: LevelChange[] } | { ok: false; field: string; detail: string };

export function planLevels(cells: readonly LevelCell[]): LevelsPlan {
  const changes: LevelChange[] = [];
  for (const cell of cells) {
    const where = `${cell.sku} at ${cell.locationName}`;
    if (!Number.isInteger(cell.onHand))
      return { ok: false, field: cell.field, detail: `${where}: enter a whole number of units` };
    if (cell.onHand < 0) return { ok: false, field: cell.field, detail: `${where}: must not be negative` };
    if (cell.onHand > MAX_ON_HAND)
      return {
        ok: false,
        field: cell.field,
        detail: `${where}: must be at most ${MAX_ON_HAND.toLocaleString("en")}`,
      };
    if (cell.onHand === cell.current.onHand) continue;
    const plan = planAdjustment(cell.current, { onHand: cell.onHand }, "recount");
    if (!plan.ok) return { ok: false, field: cell.field, detail: `${where}: ${plan.detail}` };
    changes.push({
      variantId: cell.variantId,
      locationId: cell.locationId,
      delta: plan.delta,
      onHandAfter: plan.onHandAfter,
    });
  }
  return { ok: true, changes };
}
