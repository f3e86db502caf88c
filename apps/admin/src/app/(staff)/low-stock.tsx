// The dashboard's "Running low" list: published variants with few units left, fewest first, each
// linking to its product. Shown to roles that may read stock.
import Link from "next/link";
import type { LowStockVariant } from "@emporium/catalog/client";

export const LOW_STOCK_THRESHOLD = 5;

export function LowStock({ variants }: { variants: LowStockVariant[] }) {
  return (
    <section aria-labelledby="low-stock-heading" className="mt-10">
      <h2 id="low-stock-heading" className="text-lg font-semibold">
        Running low
      </h2>
      <p className="mt-1 text-sm text-ink-muted">
        Published variants with {LOW_STOCK_THRESHOLD} or fewer units available across all locations.
      </p>
      {variants.length === 0 ? (
        <p className="mt-4 rounded-2xl border border-dashed border-line-strong px-6 py-8 text-center text-sm text-ink-muted">
          Nothing is running low.
        </p>
      ) : (
        <ul className="mt-4 divide-y divide-line rounded-2xl border border-line bg-surface text-sm">
          {variants.map((v) => (
            <li key={v.variantId} className="flex items-center justify-between gap-4 px-4 py-2">
              <span>
                <Link
                  href={`/products/${v.productId}`}
                  className="font-medium text-brand-700 hover:underline"
                >
                  {v.productTitle}
                </Link>{" "}
                <span className="text-ink-muted">
                  — {v.variantTitle} <span className="font-mono text-xs">{v.sku}</span>
                </span>
              </span>
              <span className={`tabular-nums ${v.available === 0 ? "text-sale" : ""}`}>
                {v.available === 0 ? "Sold out" : `${v.available} left`}
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
