// The product's stock: each variant at each location (on hand, reserved for orders, available, its
// low-stock threshold); for roles that may adjust stock, the grid that sets every count in one save and
// the forms for a single adjustment with its reason (damaged, lost…) and for thresholds; and the latest
// adjustments with their reasons. Figures come from the inventory, which checks the role again.
import { Alert } from "@emporium/ui/alert";
import { Badge } from "@emporium/ui/badge";
import type { Staff } from "@/auth/session";
import { isCatalogUnavailable as isBackendUnavailable } from "@/trpc/catalog-unavailable";
import { getStock } from "@/trpc/inventory";
import { cellName } from "../stock-grid-data";
import { StockForms } from "./stock-forms";
import { StockGridForm, type LevelFigures } from "./stock-grid-form";

interface StockPanelProps {
  staff: Staff;
  productId: string;
  variants: { id: string; title: string; sku: string }[];
}

const REASON_LABELS: Record<string, string> = {
  received: "Received",
  returned: "Returned",
  damaged: "Damaged",
  lost: "Lost",
  recount: "Recount",
  correction: "Correction",
};

const when = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });

export async function StockPanel({ staff, productId, variants }: StockPanelProps) {
  if (!staff.can("inventory.stock.read") || variants.length === 0) return null;
  let stock;
  try {
    stock = await getStock(
      staff,
      variants.map((v) => v.id),
    );
  } catch (error) {
    if (!isBackendUnavailable(error)) throw error;
    return (
      <section aria-labelledby="stock-heading" className="mt-10">
        <h2 id="stock-heading" className="text-lg font-semibold">
          Stock
        </h2>
        <Alert tone="warning" className="mt-4" title="Stock figures are unavailable">
          The inventory service is not answering right now; try again in a moment.
        </Alert>
      </section>
    );
  }
  const titleOf = new Map(variants.map((v) => [v.id, v.title]));
  const locationName = new Map(stock.locations.map((l) => [l.id, l.name]));
  const canAdjust = staff.can("inventory.stock.adjust");
  const rows = stock.variants.flatMap((v) =>
    v.locations.map((l) => ({ variant: v, level: l, title: titleOf.get(v.variantId) ?? v.sku })),
  );
  // The grid lists every variant of the product, the ones the inventory has not opened yet too.
  const gridRows = variants.map((v) => ({ key: v.id, title: v.title, sku: v.sku }));
  const savedCounts: Record<string, string> = {};
  const figures: Record<string, LevelFigures> = {};
  for (const { variant, level } of rows) {
    if (!level.stocked) continue;
    const name = cellName(variant.variantId, level.locationId);
    savedCounts[name] = String(level.onHand);
    figures[name] = { reserved: level.reserved, available: level.available };
  }
  const levelOptions = rows.map((r) => ({
    value: `${r.variant.variantId}:${r.level.locationId}`,
    label: `${r.title} — ${locationName.get(r.level.locationId) ?? "?"}`,
  }));
  return (
    <section aria-labelledby="stock-heading" className="mt-10">
      <h2 id="stock-heading" className="text-lg font-semibold">
        Stock
      </h2>
      {stock.variants.length < variants.length && (
        <p className="mt-1 text-sm text-warning">
          {variants.length - stock.variants.length} of this product&apos;s variants have no stock record in
          the inventory yet; they appear here once the inventory has opened them.
        </p>
      )}
      {!canAdjust && (
        <p className="mt-1 text-sm text-ink-muted">
          Your role can view stock; managers and owners adjust it.
        </p>
      )}
      <div className="mt-4 overflow-x-auto rounded-2xl border border-line bg-surface">
        <table className="w-full text-left text-sm" aria-labelledby="stock-heading">
          <thead className="border-b border-line bg-canvas-muted text-xs tracking-wide text-ink-muted uppercase">
            <tr>
              <th scope="col" className="px-4 py-3 font-medium">
                Variant and location
              </th>
              <th scope="col" className="px-4 py-3 text-right font-medium">
                On hand
              </th>
              <th scope="col" className="px-4 py-3 text-right font-medium">
                Reserved
              </th>
              <th scope="col" className="px-4 py-3 text-right font-medium">
                Available
              </th>
              <th scope="col" className="px-4 py-3 text-right font-medium">
                Low at
              </th>
            </tr>
          </thead>
          <tbody className="divide-y divide-line">
            {rows.map(({ variant, level, title }) => (
              <tr key={`${variant.variantId}:${level.locationId}`}>
                <th scope="row" className="px-4 py-2 font-medium">
                  {title} — {locationName.get(level.locationId)}{" "}
                  <span className="font-mono text-xs font-normal text-ink-muted">{variant.sku}</span>
                  {level.stocked && level.low && (
                    <>
                      {" "}
                      <Badge tone="warning">low</Badge>
                    </>
                  )}
                </th>
                {level.stocked ? (
                  <>
                    <td className="px-4 py-2 text-right tabular-nums">{level.onHand}</td>
                    <td className="px-4 py-2 text-right tabular-nums">{level.reserved}</td>
                    <td className="px-4 py-2 text-right tabular-nums">{level.available}</td>
                    <td className="px-4 py-2 text-right tabular-nums">{level.lowStockThreshold}</td>
                  </>
                ) : (
                  <td colSpan={4} className="px-4 py-2 text-right text-ink-muted">
                    Not stocked here
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      </div>

      {canAdjust && (
        <StockGridForm
          productId={productId}
          rows={gridRows}
          locations={stock.locations}
          saved={savedCounts}
          figures={figures}
        />
      )}

      {canAdjust && <StockForms productId={productId} levels={levelOptions} />}

      <h3 id="adjustments-heading" className="mt-8 font-semibold">
        Recent adjustments
      </h3>
      {stock.adjustments.length === 0 ? (
        <p className="mt-2 text-sm text-ink-muted">No stock has been adjusted by hand yet.</p>
      ) : (
        <div className="mt-3 overflow-x-auto rounded-2xl border border-line bg-surface">
          <table className="w-full text-left text-sm" aria-labelledby="adjustments-heading">
            <thead className="border-b border-line bg-canvas-muted text-xs tracking-wide text-ink-muted uppercase">
              <tr>
                <th scope="col" className="px-4 py-3 font-medium">
                  When (UTC)
                </th>
                <th scope="col" className="px-4 py-3 font-medium">
                  Variant and location
                </th>
                <th scope="col" className="px-4 py-3 text-right font-medium">
                  Change
                </th>
                <th scope="col" className="px-4 py-3 text-right font-medium">
                  On hand after
                </th>
                <th scope="col" className="px-4 py-3 font-medium">
                  Reason
                </th>
                <th scope="col" className="px-4 py-3 font-medium">
                  By
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-line">
              {stock.adjustments.map((a) => (
                <tr key={a.id}>
                  <td className="px-4 py-2 whitespace-nowrap">
                    <time dateTime={a.at}>{when.format(new Date(a.at))}</time>
                  </td>
                  <td className="px-4 py-2">
                    {titleOf.get(a.variantId) ?? a.sku} — {a.locationName}
                  </td>
                  <td className="px-4 py-2 text-right tabular-nums">
                    {a.delta > 0 ? `+${a.delta}` : a.delta}
                  </td>
                  <td className="px-4 py-2 text-right tabular-nums">{a.onHandAfter}</td>
                  <td className="px-4 py-2">
                    {REASON_LABELS[a.reason] ?? a.reason}
                    {a.note && <span className="text-ink-muted">: {a.note}</span>}
                  </td>
                  <td className="px-4 py-2">{a.by}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
