// The fulfillment schema's SQL: shipments by order, and the carrier's due parcels taken under
// FOR UPDATE SKIP LOCKED, so several carrier loops (or worker replicas) never move the same one twice.
import { Prisma, type PrismaClient } from "@emporium/db";
import type { Address } from "@emporium/contracts";
import type { MovingStatus, Step } from "../domain/journey";
import { MOVING_STATUSES, isMoving } from "../domain/journey";

export type Tx = Prisma.TransactionClient;
type Reader = Tx | PrismaClient;

export interface ShipmentRecord {
  id: string;
  orderId: string;
  status: string;
  carrier: string;
  trackingNumber: string;
  packingSlipKey: string;
}

const RECORD = {
  id: true,
  orderId: true,
  status: true,
  carrier: true,
  trackingNumber: true,
  packingSlipKey: true,
} as const;

export class CorruptShipmentError extends Error {
  override name = "CorruptShipmentError";
}

function complete(row: {
  id: string;
  orderId: string;
  status: string;
  carrier: string;
  trackingNumber: string | null;
  packingSlipKey: string | null;
}): ShipmentRecord {
  // This worker always writes both; a row without them was made by something else.
  if (row.trackingNumber === null || row.packingSlipKey === null)
    throw new CorruptShipmentError(`shipment ${row.id} has no tracking number or packing slip`);
  return { ...row, trackingNumber: row.trackingNumber, packingSlipKey: row.packingSlipKey };
}

export async function findShipment(db: Reader, orderId: string): Promise<ShipmentRecord | null> {
  const row = await db.shipment.findUnique({ where: { orderId }, select: RECORD });
  return row ? complete(row) : null;
}

export async function trackingNumberTaken(tx: Tx, trackingNumber: string): Promise<boolean> {
  return (await tx.shipment.count({ where: { trackingNumber } })) > 0;
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
  const row = await tx.shipment.create({
    data: {
      id: s.id,
      orderId: s.orderId,
      orderNumber: s.orderNumber,
      status: "LABEL_CREATED",
      carrier: s.carrier,
      trackingNumber: s.trackingNumber,
      packingSlipKey: s.packingSlipKey,
      address: s.address,
      lines: s.lines,
      nextStepAt: s.nextStepAt,
    },
    select: RECORD,
  });
  return complete(row);
}

export interface DueShipment {
  id: string;
  orderId: string;
  status: MovingStatus;
  carrier: string;
  trackingNumber: string;
}

/** Locks up to `limit` parcels due to move on; rows another transaction holds are skipped, not awaited. */
export async function lockDueShipments(tx: Tx, now: Date, limit: number): Promise<DueShipment[]> {
  const rows = await tx.$queryRaw<
    { id: string; order_id: string; status: string; carrier: string; tracking_number: string | null }[]
  >`
    SELECT id, order_id, status::text AS status, carrier, tracking_number FROM fulfillment.shipments
     WHERE status IN (${Prisma.join(MOVING_STATUSES.map((m) => Prisma.sql`${m}::fulfillment."ShipmentStatus"`))})
       AND next_step_at <= ${now}
     ORDER BY next_step_at LIMIT ${limit}
       FOR UPDATE SKIP LOCKED`;
  return rows.flatMap((r) =>
    isMoving(r.status)
      ? [
          {
            id: r.id,
            orderId: r.order_id,
            status: r.status,
            carrier: r.carrier,
            trackingNumber: r.tracking_number ?? "",
          },
        ]
      : [],
  );
}

/** Applies one step to a locked parcel; false if it was no longer where the step starts. */
export async function applyStep(
  tx: Tx,
  id: string,
  step: Step,
  now: Date,
  nextStepAt: Date | null,
): Promise<boolean> {
  const { count } = await tx.shipment.updateMany({
    where: { id, status: step.from },
    data: {
      status: step.to,
      nextStepAt,
      ...(step.ships ? { shippedAt: now } : {}),
      ...(step.delivers ? { deliveredAt: now } : {}),
    },
  });
  return count === 1;
}

/** Parcels per status (for the metrics gauge). */
export async function countByStatus(db: PrismaClient): Promise<Map<string, number>> {
  const groups = await db.shipment.groupBy({ by: ["status"], _count: { _all: true } });
  return new Map(groups.map((g) => [g.status, g._count._all]));
}
