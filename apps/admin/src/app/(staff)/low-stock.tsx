// The dashboard's "Running low" list: variants at or under their own low-stock threshold (the sum of
// the thresholds their locations keep), fewest available first, each linking to its product. Shown
// to roles that may read stock.
import Link from "next/link";
import type { LowStockRow } from "@/dashboard/low-stock-list";

export function LowStock({ rows, total }: { rows: LowStockRow[] | null; total: number }) {
  return (
    <section aria-labelledby="low-stock-heading" className="mt-10">
      <h2 id="low-stock-heading" className="text-lg font-semibold">
        Running low
      </h2>
      <p className="mt-1 text-sm text-ink-muted">
        Variants whose units available across all locations are at or under their low-stock threshold (set per
        location on each product&apos;s page).
        {rows && total > rows.length && ` Showing the ${rows.length} lowest of ${total}.`}
      </p>
      {rows === null ? (
        <p
          role="status"
          className="mt-4 rounded-2xl border border-dashed border-line-strong px-6 py-8 text-center text-sm text-ink-muted"
        >
          Stock figures are unavailable right now; try again in a moment.
        </p>
      ) : rows.length === 0 ? (
        <p className="mt-4 rounded-2xl border border-dashed border-line-strong px-6 py-8 text-center text-sm text-ink-muted">
          Nothing is running low.
        </p>
      ) : (
        <ul className="mt-4 divide-y divide-line rounded-2xl border border-line bg-surface text-sm">
          {rows.map((v) => (
            <li key={v.variantId} className="flex items-center justify-between gap-4 px-4 py-2">
              <span>
                <Link href={v.href} className="font-medium text-brand-700 hover:underline">
                  {v.productTitle ?? v.sku}
                </Link>{" "}
                <span className="text-ink-muted">
                  {v.variantTitle && <>— {v.variantTitle} </>}
                  <span className="font-mono text-xs">{v.sku}</span>
                </span>
              </span>
              <span className={`tabular-nums ${v.available === 0 ? "text-sale" : ""}`}>
                {v.available === 0 ? "Sold out" : `${v.available} left`}
                <span className="text-ink-muted"> (threshold {v.lowStockThreshold})</span>
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
