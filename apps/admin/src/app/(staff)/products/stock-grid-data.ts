// The stock grid's cells (a product's variants × the stock locations, on-hand counts) read from a
// form, turned into the inventory's one-save input, and the inventory's refusal of one cell turned back
// into that cell and a sentence naming its variant and location. Plain functions, tested without a
// browser; the create page and the product page share them.

export interface GridRow {
  /** What the row's inputs are named by: the variant's id on the product page, its index on the create page. */
  key: string;
  /** "M / Red" ("Default" for a product without options). */
  title: string;
}

export interface GridLocation {
  id: string;
  name: string;
}

export interface GridCell {
  rowKey: string;
  locationId: string;
  onHand: number;
}

/** The form input of one cell. */
export const cellName = (rowKey: string, locationId: string) => `stock:${rowKey}:${locationId}`;

/** What a screen reader announces for one cell: "Stock of M / Red at Warehouse A". */
export const cellLabel = (rowTitle: string, locationName: string) =>
  `Stock of ${rowTitle} at ${locationName}`;

export type GridRead = { ok: true; cells: GridCell[] } | { ok: false; cell: string; message: string };

const UNITS = /^\d{1,7}$/;
const MAX_UNITS = 1_000_000;

/** The cells given a count (empty ones are left as they are), or the first that is not a count. */
export function readGridCells(
  form: FormData,
  rows: readonly GridRow[],
  locations: readonly GridLocation[],
): GridRead {
  const cells: GridCell[] = [];
  for (const row of rows)
    for (const location of locations) {
      const name = cellName(row.key, location.id);
      const raw = form.get(name);
      const text = typeof raw === "string" ? raw.trim() : "";
      if (text === "") continue;
      if (!UNITS.test(text) || Number(text) > MAX_UNITS)
        return {
          ok: false,
          cell: name,
          message: `${cellLabel(row.title, location.name)}: enter a whole number of units from 0 to 1,000,000`,
        };
      cells.push({ rowKey: row.key, locationId: location.id, onHand: Number(text) });
    }
  return { ok: true, cells };
}

export interface LevelsVariant {
  variantId: string;
  sku: string;
  locations: { locationId: string; onHand: number }[];
}

/** The inventory's setLevels variants for `cells`, each row's variant found by `variantOf`. */
export function levelsFor(
  cells: readonly GridCell[],
  variantOf: (rowKey: string) => { variantId: string; sku: string } | undefined,
): LevelsVariant[] {
  const byVariant = new Map<string, LevelsVariant>();
  for (const cell of cells) {
    const variant = variantOf(cell.rowKey);
    if (!variant) continue;
    const entry = byVariant.get(variant.variantId) ?? { ...variant, locations: [] };
    entry.locations.push({ locationId: cell.locationId, onHand: cell.onHand });
    byVariant.set(variant.variantId, entry);
  }
  return [...byVariant.values()];
}

/**
 * The cell an inventory refusal is about ("variants.1.locations.0.onHand: TEE-M at Berlin: cannot be
 * below …") and the sentence a person reads ("Stock of M / Red at Berlin: cannot be below …"); null
 * when it names no cell of `sent`.
 */
export function refusedCell(
  field: string | undefined,
  raw: string,
  sent: readonly LevelsVariant[],
  rowOf: (variantId: string) => GridRow | undefined,
  locations: readonly GridLocation[],
): { cell: string; message: string } | null {
  const at = /^variants\.(\d+)\.locations\.(\d+)\./.exec(field ?? "");
  if (!at) return null;
  const variant = sent[Number(at[1])];
  const level = variant?.locations[Number(at[2])];
  const row = variant && rowOf(variant.variantId);
  const location = locations.find((l) => l.id === level?.locationId);
  if (!row || !level || !location) return null;
  // The inventory names the SKU and location itself; the grid names the variant as the row does.
  const detail = raw
    .replace(/^Invalid input: /, "")
    .replace(/^[\w.]+: /, "")
    .replace(/^[^:]+ at [^:]+: /, "");
  return {
    cell: cellName(row.key, location.id),
    message: `${cellLabel(row.title, location.name)}: ${detail}`,
  };
}
