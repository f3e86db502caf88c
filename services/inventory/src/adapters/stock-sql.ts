// The inventory's SQL: row locks taken in one fixed order (variant, then location) so concurrent
// reservations never deadlock, and every stock change guarded again in the UPDATE itself.
import type { Prisma } from "@emporium/db";
import type { Allocation, StockRow } from "../domain/allocate";

export type Tx = Prisma.TransactionClient;

export async function lockStock(tx: Tx, variantIds: readonly string[]): Promise<StockRow[]> {
  const rows = await tx.$queryRaw<
    { location_id: string; variant_id: string; sku: string; available: number }[]
  >`
    SELECT location_id, variant_id, sku, available FROM inventory.stock_levels
     WHERE variant_id = ANY(${[...variantIds]}::uuid[])
     ORDER BY variant_id, location_id
       FOR UPDATE`;
  return rows.map((r) => ({
    locationId: r.location_id,
    variantId: r.variant_id,
    sku: r.sku,
    available: r.available,
  }));
}

/** Moves units from available to reserved; the WHERE clause refuses to go below zero. */
export async function reserveUnits(tx: Tx, a: Allocation): Promise<void> {
  const changed = await tx.$executeRaw`
    UPDATE inventory.stock_levels
       SET available = available - ${a.quantity}, reserved = reserved + ${a.quantity}, updated_at = now()
     WHERE location_id = ${a.locationId}::uuid AND variant_id = ${a.variantId}::uuid AND available >= ${a.quantity}`;
  if (changed !== 1) throw new Error(`stock of ${a.variantId} at ${a.locationId} changed under its row lock`);
}

/** Gives reserved units back to available (a release or an expiry). */
export async function returnUnits(tx: Tx, a: Allocation): Promise<void> {
  await tx.$executeRaw`
    UPDATE inventory.stock_levels
       SET available = available + ${a.quantity}, reserved = reserved - ${a.quantity}, updated_at = now()
     WHERE location_id = ${a.locationId}::uuid AND variant_id = ${a.variantId}::uuid`;
}

/** Reserved units leave the building: on hand and reserved both go down. */
export async function shipUnits(tx: Tx, a: Allocation): Promise<void> {
  await tx.$executeRaw`
    UPDATE inventory.stock_levels
       SET on_hand = on_hand - ${a.quantity}, reserved = reserved - ${a.quantity}, updated_at = now()
     WHERE location_id = ${a.locationId}::uuid AND variant_id = ${a.variantId}::uuid`;
}

/** Committed units that never left (an order cancelled before shipping) go back on the shelf. */
export async function restockUnits(tx: Tx, a: Allocation): Promise<void> {
  await tx.$executeRaw`
    UPDATE inventory.stock_levels
       SET on_hand = on_hand + ${a.quantity}, available = available + ${a.quantity}, updated_at = now()
     WHERE location_id = ${a.locationId}::uuid AND variant_id = ${a.variantId}::uuid`;
}

/** Units each variant can still promise, across locations (the catalog's stock read model). */
export async function availableTotals(
  tx: Tx,
  variantIds: readonly string[],
): Promise<{ variantId: string; sku: string; available: number }[]> {
  const rows = await tx.$queryRaw<{ variant_id: string; sku: string; available: number }[]>`
    SELECT variant_id, min(sku) AS sku, sum(available)::int AS available FROM inventory.stock_levels
     WHERE variant_id = ANY(${[...variantIds]}::uuid[]) GROUP BY variant_id ORDER BY variant_id`;
  return rows.map((r) => ({ variantId: r.variant_id, sku: r.sku, available: r.available }));
}
