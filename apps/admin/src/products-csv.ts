// The products summary report as CSV for spreadsheets (the export in the import's columns is built from
// the catalog's own export rows): one row per product, prices in major units with the currency, and
// every text cell that a spreadsheet would read as a formula (=, +, -, @, tab, CR) defused with a
// leading apostrophe (CSV injection).
import { stringify } from "csv-stringify/sync";
import type { AdminProductRow } from "@emporium/catalog/client";
import { toDecimalString } from "@emporium/ui/money";

export const PRODUCT_CSV_COLUMNS = [
  "id",
  "slug",
  "title",
  "status",
  "brand",
  "currency",
  "min_price",
  "max_price",
  "variants",
  "available",
  "updated_at",
] as const;

export function safeCell(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

export function productCsvRows(rows: readonly AdminProductRow[]): string[][] {
  return rows.map((r) => [
    r.id,
    r.slug,
    safeCell(r.title),
    r.status,
    safeCell(r.brand ?? ""),
    r.currency,
    toDecimalString(r.minPrice, r.currency),
    toDecimalString(r.maxPrice, r.currency),
    String(r.variantCount),
    String(r.available),
    r.updatedAt,
  ]);
}

/** Records as CSV lines, each ended by CRLF as spreadsheets expect. */
export function csvLines(records: readonly (readonly string[])[]): string {
  return stringify(
    records.map((r) => [...r]),
    { record_delimiter: "\r\n" },
  );
}

export function productCsv(rows: readonly AdminProductRow[], withHeader: boolean): string {
  return csvLines(withHeader ? [[...PRODUCT_CSV_COLUMNS], ...productCsvRows(rows)] : productCsvRows(rows));
}
