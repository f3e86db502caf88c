// Units a refund took back go on hand again at one location, inside the restock consumer's transaction:
// the variant's levels are locked in the reservations' order, the level is opened if that location did
// not stock the variant yet, and each line leaves a "returned" adjustment in the history under the name
// of the staff member who refunded it, as a manual adjustment does.
import { randomUUID } from "node:crypto";
import type { SqlSession } from "@emporium/db";
import { MAX_ON_HAND } from "../../domain/adjustment";
import { lockStock } from "./stock";

export interface RestockLine {
  variantId: string;
  sku: string;
  quantity: number;
}

export interface Restocked {
  variantId: string;
  sku: string;
  /** Null when the location did not stock the variant before. */
  before: { onHand: number; available: number } | null;
  after: { onHand: number; available: number };
}

/** The location's name, or null when there is no such location. */
export async function locationName(tx: SqlSession, locationId: string): Promise<string | null> {
  const [row] = await tx.query<{ name: string }>("SELECT name FROM inventory.locations WHERE id = $1::uuid", [
    locationId,
  ]);
  return row?.name ?? null;
}

export async function restockUnits(
  tx: SqlSession,
  locationId: string,
  lines: readonly RestockLine[],
  by: { actorId: string; actorEmail: string; note: string },
): Promise<Restocked[]> {
  const sorted = [...lines].sort((a, b) => (a.variantId < b.variantId ? -1 : 1));
  await lockStock(
    tx,
    sorted.map((l) => l.variantId),
  );
  const done: Restocked[] = [];
  for (const line of sorted) {
    const [row] = await tx.query<{ onHand: number; available: number; opened: boolean }>(
      `INSERT INTO inventory.stock_levels AS s (location_id, variant_id, sku, on_hand, reserved, available, updated_at)
       VALUES ($1::uuid, $2::uuid, $3, $4, 0, $4, now())
       ON CONFLICT (location_id, variant_id) DO UPDATE
         SET on_hand = s.on_hand + EXCLUDED.on_hand, available = s.available + EXCLUDED.available,
             updated_at = now()
       RETURNING on_hand AS "onHand", available, (xmax = 0) AS opened`,
      [locationId, line.variantId, line.sku, line.quantity],
    );
    if (!row) throw new Error(`restock of ${line.sku} at ${locationId} wrote no level`);
    if (row.onHand > MAX_ON_HAND)
      throw new Error(`restock of ${line.sku} would put ${row.onHand} on hand (over ${MAX_ON_HAND})`);
    await tx.query(
      `INSERT INTO inventory.stock_adjustments
         (id, location_id, variant_id, delta, on_hand_after, reason, note, actor_id, actor_email)
       VALUES ($1::uuid, $2::uuid, $3::uuid, $4, $5, 'returned', $6, $7::uuid, $8)`,
      [
        randomUUID(),
        locationId,
        line.variantId,
        line.quantity,
        row.onHand,
        by.note,
        by.actorId,
        by.actorEmail,
      ],
    );
    done.push({
      variantId: line.variantId,
      sku: line.sku,
      before: row.opened
        ? null
        : { onHand: row.onHand - line.quantity, available: row.available - line.quantity },
      after: { onHand: row.onHand, available: row.available },
    });
  }
  return done;
}
