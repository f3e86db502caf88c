// Deciding where an order's units come from: all lines or none. Lines for the same variant are added
// up first (two lines of one SKU compete for the same stock), then each variant takes its units from
// the locations with the most available, splitting across locations only when it must.

export interface StockRow {
  locationId: string;
  variantId: string;
  sku: string;
  available: number;
}

export interface RequestedLine {
  variantId: string;
  sku: string;
  quantity: number;
}

export interface Allocation {
  locationId: string;
  variantId: string;
  quantity: number;
}

export interface Shortage {
  variantId: string;
  sku: string;
  requested: number;
  available: number;
}

export type AllocationResult = { ok: true; allocations: Allocation[] } | { ok: false; shortages: Shortage[] };

export function allocate(lines: readonly RequestedLine[], stock: readonly StockRow[]): AllocationResult {
  const wanted = new Map<string, { sku: string; quantity: number }>();
  for (const line of lines) {
    const entry = wanted.get(line.variantId) ?? { sku: line.sku, quantity: 0 };
    entry.quantity += line.quantity;
    wanted.set(line.variantId, entry);
  }
  const allocations: Allocation[] = [];
  const shortages: Shortage[] = [];
  for (const [variantId, { sku, quantity }] of wanted) {
    const rows = stock
      .filter((s) => s.variantId === variantId && s.available > 0)
      .sort((a, b) => b.available - a.available || a.locationId.localeCompare(b.locationId));
    const total = rows.reduce((n, r) => n + r.available, 0);
    if (total < quantity) {
      shortages.push({ variantId, sku, requested: quantity, available: total });
      continue;
    }
    let left = quantity;
    for (const row of rows) {
      if (left === 0) break;
      const take = Math.min(left, row.available);
      allocations.push({ locationId: row.locationId, variantId, quantity: take });
      left -= take;
    }
  }
  return shortages.length > 0 ? { ok: false, shortages } : { ok: true, allocations };
}

export function describeShortages(shortages: readonly Shortage[]): string {
  return shortages
    .map((s) =>
      s.available === 0
        ? `${s.sku} is out of stock`
        : `only ${s.available} of ${s.sku} left (asked for ${s.requested})`,
    )
    .join("; ");
}
