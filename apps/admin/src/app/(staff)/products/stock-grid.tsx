"use client";
// A product's stock as one grid: a row per variant, a column per stock location, an on-hand count in
// each cell, all saved together. Every input is labelled for a screen reader by its variant and
// location ("Stock of M / Red at Warehouse A"); the refused cell is marked invalid and carries the
// message. The product page shows each level's reserved and available figures under its input.
import type { ReactNode } from "react";
import { cellLabel, cellName, type GridLocation, type GridRow } from "./stock-grid-data";

export interface StockGridProps {
  caption: ReactNode;
  rows: readonly (GridRow & { sku?: string })[];
  locations: readonly GridLocation[];
  values: Readonly<Record<string, string>>;
  onChange(name: string, value: string): void;
  /** The refused cell's input name and message. */
  error?: { cell: string; message: string } | null | undefined;
  /** A line under a cell's input (figures of an existing level). */
  note?: (rowKey: string, locationId: string) => ReactNode;
  disabled?: boolean;
}

export function StockGrid({
  caption,
  rows,
  locations,
  values,
  onChange,
  error,
  note,
  disabled,
}: StockGridProps) {
  return (
    <div className="overflow-x-auto rounded-2xl border border-line bg-surface">
      <table className="w-full text-left text-sm">
        <caption className="sr-only">{caption}</caption>
        <thead className="border-b border-line bg-canvas-muted text-xs tracking-wide text-ink-muted uppercase">
          <tr>
            <th scope="col" className="px-4 py-3 font-medium">
              Variant
            </th>
            {locations.map((l) => (
              <th key={l.id} scope="col" className="px-4 py-3 text-right font-medium">
                {l.name}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="divide-y divide-line">
          {rows.map((row) => (
            <tr key={row.key}>
              <th scope="row" className="px-4 py-2 font-medium">
                {row.title}
                {row.sku && (
                  <span className="block font-mono text-xs font-normal text-ink-muted">{row.sku}</span>
                )}
              </th>
              {locations.map((l) => {
                const name = cellName(row.key, l.id);
                const invalid = error?.cell === name;
                const errorId = `${name}-error`;
                return (
                  <td key={l.id} className="px-4 py-2 text-right align-top">
                    <input
                      name={name}
                      type="number"
                      min={0}
                      max={1_000_000}
                      step={1}
                      inputMode="numeric"
                      aria-label={cellLabel(row.title, l.name)}
                      aria-invalid={invalid || undefined}
                      aria-describedby={invalid ? errorId : undefined}
                      value={values[name] ?? ""}
                      placeholder="0"
                      disabled={disabled}
                      onChange={(e) => onChange(name, e.currentTarget.value)}
                      className={`h-10 w-24 rounded-lg border bg-surface px-2 text-right tabular-nums ${
                        invalid ? "border-sale" : "border-line-strong"
                      }`}
                    />
                    {note?.(row.key, l.id)}
                    {invalid && (
                      <span id={errorId} className="mt-1 block text-xs font-medium text-sale">
                        {error.message}
                      </span>
                    )}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
