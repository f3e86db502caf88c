// Reservation bookkeeping shared by the reserve, release, commit and expiry paths.
import { randomUUID } from "node:crypto";
import { createEnvelope, stockChangedV1, TOPICS } from "@emporium/contracts";
import type { OutboxMessage } from "@emporium/messaging";
import type { Allocation } from "../../domain/allocate";
import { availableTotals, moveUnits, type Tx } from "./stock";

export type ReservationStatus = "ACTIVE" | "COMMITTED" | "RELEASED" | "EXPIRED";

export interface ReservationWithLines {
  id: string;
  orderId: string;
  status: ReservationStatus;
  /** ISO-8601. */
  expiresAt: string;
  lines: Allocation[];
}

/**
 * The order's reservation with its lines; `lock` takes its row lock too, so concurrent release,
 * commit and expiry of one reservation run one at a time.
 */
export async function findReservation(
  tx: Tx,
  orderId: string,
  lock: "lock" | "read" = "read",
): Promise<ReservationWithLines | null> {
  const [row] = await tx.query<ReservationWithLines & Record<string, unknown>>(
    `SELECT r.id::text AS id, r.order_id::text AS "orderId", r.status::text AS status,
            to_char(r.expires_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "expiresAt",
            COALESCE((SELECT json_agg(json_build_object('locationId', l.location_id, 'variantId', l.variant_id,
                                                        'quantity', l.quantity) ORDER BY l.variant_id, l.location_id)
                        FROM inventory.reservation_lines l WHERE l.reservation_id = r.id), '[]'::json) AS lines
       FROM inventory.reservations r WHERE r.order_id = $1::uuid${lock === "lock" ? " FOR UPDATE OF r" : ""}`,
    [orderId],
  );
  return row ?? null;
}

/** A new ACTIVE reservation holding `allocations` until `expiresAt`. */
export async function createReservation(
  tx: Tx,
  r: { id: string; orderId: string; expiresAt: Date; allocations: readonly Allocation[] },
): Promise<void> {
  await tx.query(
    `WITH reservation AS (
       INSERT INTO inventory.reservations (id, order_id, status, expires_at, updated_at)
       VALUES ($1::uuid, $2::uuid, 'ACTIVE', $3::timestamptz, now())
     )
     INSERT INTO inventory.reservation_lines (id, reservation_id, location_id, variant_id, quantity)
     SELECT gen_random_uuid(), $1::uuid, a."locationId", a."variantId", a.quantity
       FROM json_to_recordset($4::json) AS a("locationId" uuid, "variantId" uuid, quantity int)`,
    [r.id, r.orderId, r.expiresAt.toISOString(), JSON.stringify(r.allocations)],
  );
}

export async function setReservationStatus(
  tx: Tx,
  id: string,
  status: ReservationStatus,
  reason?: string,
): Promise<void> {
  await tx.query(
    `UPDATE inventory.reservations SET status = $2::inventory."ReservationStatus",
            reason = COALESCE($3::text, reason), updated_at = now() WHERE id = $1::uuid`,
    [id, status, reason ?? null],
  );
}

/** Returns an active reservation's units and closes it; returns the stock-changed events to publish. */
export async function closeReservation(
  tx: Tx,
  reservation: ReservationWithLines,
  status: "RELEASED" | "EXPIRED",
  reason: string,
  traceparent?: string,
): Promise<OutboxMessage[]> {
  // Held units return to available; committed ones (taken at payment, still in the building because
  // the saga releases only before shipping) return to on hand as well.
  await moveUnits(tx, reservation.status === "COMMITTED" ? "restock" : "return", reservation.lines);
  await setReservationStatus(tx, reservation.id, status, reason);
  return stockChanged(
    tx,
    reservation.lines.map((l) => l.variantId),
    traceparent,
  );
}

/** A release that arrived before its reservation: remembered, so the late reserve is refused. */
export async function tombstone(tx: Tx, orderId: string, reason: string): Promise<void> {
  await tx.query(
    `INSERT INTO inventory.reservations (id, order_id, status, reason, expires_at, updated_at)
     VALUES ($1::uuid, $2::uuid, 'RELEASED', $3, now(), now())`,
    [randomUUID(), orderId, reason],
  );
}

export async function stockChanged(
  tx: Tx,
  variantIds: readonly string[],
  traceparent?: string,
): Promise<OutboxMessage[]> {
  const totals = await availableTotals(tx, [...new Set(variantIds)]);
  return totals.map((t) => ({
    kind: "event" as const,
    topic: TOPICS.inventory,
    envelope: createEnvelope(stockChangedV1, t.variantId, t, { traceparent }),
  }));
}
