// The inventory's SQL: row locks taken in one fixed order (variant, then location) so concurrent
// reservations never deadlock, and every stock change guarded again in the UPDATE itself. Raw SQL on a
// transaction's session (`Database.transaction`, or a Prisma transaction through `prismaSession`).
import type { SqlSession } from "@emporium/db";
import type { Allocation, StockRow } from "../../domain/allocate";

export type Tx = SqlSession;

/** Serialises commands for one order (reserve, release, commit) until the transaction ends. */
export async function lockOrder(tx: Tx, orderId: string): Promise<void> {
  await tx.query("SELECT pg_advisory_xact_lock(hashtext($1))", [orderId]);
}

export async function lockStock(tx: Tx, variantIds: readonly string[]): Promise<StockRow[]> {
  return tx.query<StockRow & Record<string, unknown>>(
    `SELECT location_id::text AS "locationId", variant_id::text AS "variantId", sku, available
       FROM inventory.stock_levels
      WHERE variant_id = ANY($1::uuid[])
      ORDER BY variant_id, location_id
        FOR UPDATE`,
    [[...variantIds]],
  );
}

/** Moves units from available to reserved, all allocations in one statement; none may go below zero. */
export async function reserveUnits(tx: Tx, allocations: readonly Allocation[]): Promise<void> {
  const changed = await tx.query(
    `UPDATE inventory.stock_levels s
        SET available = s.available - a.quantity, reserved = s.reserved + a.quantity, updated_at = now()
       FROM json_to_recordset($1::json) AS a("locationId" uuid, "variantId" uuid, quantity int)
      WHERE s.location_id = a."locationId" AND s.variant_id = a."variantId" AND s.available >= a.quantity
      RETURNING 1 AS changed`,
    [JSON.stringify(allocations)],
  );
  if (changed.length !== allocations.length)
    throw new Error(`stock of ${allocations.map((a) => a.variantId).join(", ")} changed under its row locks`);
}

type Movement = "return" | "ship" | "restock";

const MOVEMENTS: Record<Movement, string> = {
  // Reserved units back to available (a release or an expiry).
  return: "available = s.available + a.quantity, reserved = s.reserved - a.quantity",
  // Reserved units leave the building: on hand and reserved both go down.
  ship: "on_hand = s.on_hand - a.quantity, reserved = s.reserved - a.quantity",
  // Committed units that never left (an order cancelled before shipping) go back on the shelf.
  restock: "on_hand = s.on_hand + a.quantity, available = s.available + a.quantity",
};

/** Moves a reservation's units in one statement; the table's CHECKs refuse anything below zero. */
export async function moveUnits(tx: Tx, movement: Movement, lines: readonly Allocation[]): Promise<void> {
  if (lines.length === 0) return;
  await tx.query(
    `UPDATE inventory.stock_levels s SET ${MOVEMENTS[movement]}, updated_at = now()
       FROM json_to_recordset($1::json) AS a("locationId" uuid, "variantId" uuid, quantity int)
      WHERE s.location_id = a."locationId" AND s.variant_id = a."variantId"`,
    [JSON.stringify(lines)],
  );
}

/** Units each variant can still promise, across locations (the catalog's stock read model). */
export async function availableTotals(
  tx: Tx,
  variantIds: readonly string[],
): Promise<{ variantId: string; sku: string; available: number }[]> {
  return tx.query<{ variantId: string; sku: string; available: number }>(
    `SELECT variant_id::text AS "variantId", min(sku) AS sku, sum(available)::int AS available
       FROM inventory.stock_levels
      WHERE variant_id = ANY($1::uuid[]) GROUP BY variant_id ORDER BY variant_id`,
    [[...variantIds]],
  );
}

/**
 * Opens a level at zero at every location for each new variant; an existing level is left as it is.
 * Returns how many levels were opened.
 */
export async function openStockLevels(
  tx: Tx,
  variants: readonly { variantId: string; sku: string }[],
): Promise<number> {
  const rows = await tx.query(
    `INSERT INTO inventory.stock_levels (location_id, variant_id, sku, on_hand, reserved, available, updated_at)
     SELECT l.id, v."variantId", v.sku, 0, 0, 0, now()
       FROM inventory.locations l
      CROSS JOIN json_to_recordset($1::json) AS v ("variantId" uuid, sku text)
     ON CONFLICT (location_id, variant_id) DO NOTHING
     RETURNING 1 AS opened`,
    [JSON.stringify(variants)],
  );
  return rows.length;
}
