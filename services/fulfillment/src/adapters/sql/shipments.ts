// The fulfillment schema's SQL: shipments by order, and the carrier's due parcels taken under
// FOR UPDATE SKIP LOCKED, so several carrier loops (or worker replicas) never move the same one twice.
// Raw SQL on a session: the pool (`Database.sql`) or one transaction's (`Database.transaction`).
import type { Address } from "@emporium/contracts";
import type { SqlSession } from "@emporium/db";
import type { ShipmentCounts } from "../../ports/shipment-counts";
import type { MovingStatus, Step } from "../../domain/journey";
import { MOVING_STATUSES, isMoving } from "../../domain/journey";

export type Tx = SqlSession;

export interface ShipmentRecord {
  id: string;
  orderId: string;
  status: string;
  carrier: string;
  trackingNumber: string;
  packingSlipKey: string;
}

const RECORD = `id::text AS id, order_id::text AS "orderId", status::text AS status, carrier,
  tracking_number AS "trackingNumber", packing_slip_key AS "packingSlipKey"`;

type StoredShipment = Omit<ShipmentRecord, "trackingNumber" | "packingSlipKey"> & {
  trackingNumber: string | null;
  packingSlipKey: string | null;
};

export class CorruptShipmentError extends Error {
  override name = "CorruptShipmentError";
}

function complete(row: StoredShipment): ShipmentRecord {
  // This worker always writes both; a row without them was made by something else.
  if (row.trackingNumber === null || row.packingSlipKey === null)
    throw new CorruptShipmentError(`shipment ${row.id} has no tracking number or packing slip`);
  return { ...row, trackingNumber: row.trackingNumber, packingSlipKey: row.packingSlipKey };
}

export async function findShipment(sql: Tx, orderId: string): Promise<ShipmentRecord | null> {
  const [row] = await sql.query<StoredShipment & Record<string, unknown>>(
    `SELECT ${RECORD} FROM fulfillment.shipments WHERE order_id = $1::uuid`,
    [orderId],
  );
  return row ? complete(row) : null;
}

export async function trackingNumberTaken(tx: Tx, trackingNumber: string): Promise<boolean> {
  const rows = await tx.query(`SELECT 1 AS taken FROM fulfillment.shipments WHERE tracking_number = $1`, [
    trackingNumber,
  ]);
  return rows.length > 0;
}

export interface NewShipment {
  id: string;
  orderId: string;
  orderNumber: string;
  carrier: string;
  trackingNumber: string;
  packingSlipKey: string;
  address: Address;
  lines: { variantId: string; sku: string; title: string; quantity: number }[];
  nextStepAt: Date;
}

export async function createShipment(tx: Tx, s: NewShipment): Promise<ShipmentRecord> {
  const [row] = await tx.query<StoredShipment & Record<string, unknown>>(
    `INSERT INTO fulfillment.shipments (id, order_id, status, order_number, carrier, tracking_number,
                                        packing_slip_key, address, lines, next_step_at, updated_at)
     VALUES ($1::uuid, $2::uuid, 'LABEL_CREATED', $3, $4, $5, $6, $7::jsonb, $8::jsonb, $9::timestamptz, now())
     RETURNING ${RECORD}`,
    [
      s.id,
      s.orderId,
      s.orderNumber,
      s.carrier,
      s.trackingNumber,
      s.packingSlipKey,
      JSON.stringify(s.address),
      JSON.stringify(s.lines),
      s.nextStepAt.toISOString(),
    ],
  );
  if (!row) throw new Error(`shipment of order ${s.orderId} was not written`);
  return complete(row);
}

export interface DueShipment {
  id: string;
  orderId: string;
  status: MovingStatus;
  carrier: string;
  trackingNumber: string;
}

// Written into the SQL from the constant list (no input), so the (status, next_step_at) index serves it.
const MOVING_LITERALS = MOVING_STATUSES.map((s) => `'${s}'`).join(", ");

/** Locks up to `limit` parcels due to move on; rows another transaction holds are skipped, not awaited. */
export async function lockDueShipments(tx: Tx, now: Date, limit: number): Promise<DueShipment[]> {
  const rows = await tx.query<{
    id: string;
    orderId: string;
    status: string;
    carrier: string;
    trackingNumber: string | null;
  }>(
    `SELECT id::text AS id, order_id::text AS "orderId", status::text AS status, carrier,
            tracking_number AS "trackingNumber"
       FROM fulfillment.shipments
      WHERE status IN (${MOVING_LITERALS}) AND next_step_at <= $1::timestamptz
      ORDER BY next_step_at LIMIT $2
        FOR UPDATE SKIP LOCKED`,
    [now.toISOString(), limit],
  );
  return rows.flatMap((r) =>
    isMoving(r.status) ? [{ ...r, status: r.status, trackingNumber: r.trackingNumber ?? "" }] : [],
  );
}

export interface PlannedStep {
  id: string;
  step: Step;
  nextStepAt: Date | null;
}

/**
 * Applies each step to its locked parcel in one statement; returns the ids that moved (a parcel no
 * longer where its step starts stays as it is).
 */
export async function applySteps(tx: Tx, steps: readonly PlannedStep[], now: Date): Promise<Set<string>> {
  if (steps.length === 0) return new Set();
  const rows = await tx.query<{ id: string }>(
    `UPDATE fulfillment.shipments s
        SET status = p."to"::fulfillment."ShipmentStatus", next_step_at = p."nextStepAt",
            shipped_at = CASE WHEN p.ships THEN $2::timestamptz ELSE s.shipped_at END,
            delivered_at = CASE WHEN p.delivers THEN $2::timestamptz ELSE s.delivered_at END,
            updated_at = now()
       FROM json_to_recordset($1::json)
            AS p(id uuid, "from" text, "to" text, ships boolean, delivers boolean, "nextStepAt" timestamptz)
      WHERE s.id = p.id AND s.status::text = p."from"
      RETURNING s.id::text AS id`,
    [
      JSON.stringify(
        steps.map((s) => ({
          id: s.id,
          from: s.step.from,
          to: s.step.to,
          ships: s.step.ships,
          delivers: s.step.delivers,
          nextStepAt: s.nextStepAt?.toISOString() ?? null,
        })),
      ),
      now.toISOString(),
    ],
  );
  return new Set(rows.map((r) => r.id));
}

/** Parcels per status (for the metrics gauge). */
export async function countByStatus(sql: Tx): Promise<Map<string, number>> {
  const rows = await sql.query<{ status: string; n: number }>(
    `SELECT status::text AS status, count(*)::int AS n FROM fulfillment.shipments GROUP BY status`,
  );
  return new Map(rows.map((r) => [r.status, r.n]));
}

/** The parcels-per-status count on the pool, as the metrics gauge asks for it. */
export function sqlShipmentCounts(sql: Tx): ShipmentCounts {
  return { byStatus: () => countByStatus(sql) };
}
