// Saving a stock grid: one inventory call for every cell given (admin.stock.setLevels, all or nothing,
// replayed by its key), its answer as a person reads it — which cell was refused and why, or that the
// inventory could not be reached. Server side only; the create and product pages' actions use it.
import type { Staff } from "@/auth/session";
import { isCatalogUnavailable as isBackendUnavailable } from "@/trpc/catalog-unavailable";
import { inventoryAs } from "@/trpc/inventory";
import { refusalOf } from "@/trpc/refusal";
import { refusedCell, type GridLocation, type GridRow, type LevelsVariant } from "./stock-grid-data";

export type StockSaveOutcome =
  { ok: true; changed: number; replayed: boolean } | { ok: false; message: string; cell?: string };

export async function setStockLevels(
  staff: Staff,
  save: {
    idempotencyKey: string;
    note?: string;
    levels: LevelsVariant[];
    rowOf: (variantId: string) => GridRow | undefined;
    locations: readonly GridLocation[];
  },
): Promise<StockSaveOutcome> {
  try {
    const result = await inventoryAs(staff).stock.setLevels.mutate({
      idempotencyKey: save.idempotencyKey,
      ...(save.note ? { note: save.note } : {}),
      variants: save.levels,
    });
    return { ok: true, changed: result.changed, replayed: result.replayed };
  } catch (error) {
    if (isBackendUnavailable(error))
      return { ok: false, message: "The inventory is not answering right now, so the stock was not saved" };
    const { raw, field, message } = refusalOf(error);
    const cell = refusedCell(field, raw, save.levels, save.rowOf, save.locations);
    return cell ? { ok: false, ...cell } : { ok: false, message };
  }
}
