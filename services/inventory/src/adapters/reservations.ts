// Reservation bookkeeping shared by the release, commit and expiry paths.
import { randomUUID } from "node:crypto";
import { createEnvelope, stockChangedV1, TOPICS } from "@emporium/contracts";
import type { OutboxMessage } from "@emporium/messaging";
import { availableTotals, restockUnits, returnUnits, type Tx } from "./stock-sql";

export interface ReservationWithLines {
  id: string;
  orderId: string;
  status: "ACTIVE" | "COMMITTED" | "RELEASED" | "EXPIRED";
  expiresAt: Date;
  lines: { locationId: string; variantId: string; quantity: number }[];
}

export async function findReservation(tx: Tx, orderId: string): Promise<ReservationWithLines | null> {
  return tx.reservation.findUnique({
    where: { orderId },
    select: { id: true, orderId: true, status: true, expiresAt: true, lines: true },
  });
}

/** Locks an order's reservation row so concurrent release/commit/expiry of it run one at a time. */
export async function lockReservation(tx: Tx, orderId: string): Promise<void> {
  await tx.$queryRaw`SELECT id FROM inventory.reservations WHERE order_id = ${orderId}::uuid FOR UPDATE`;
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
  for (const line of reservation.lines)
    await (reservation.status === "COMMITTED" ? restockUnits(tx, line) : returnUnits(tx, line));
  await tx.reservation.update({ where: { id: reservation.id }, data: { status, reason } });
  return stockChanged(
    tx,
    reservation.lines.map((l) => l.variantId),
    traceparent,
  );
}

/** A release that arrived before its reservation: remembered, so the late reserve is refused. */
export async function tombstone(tx: Tx, orderId: string, reason: string): Promise<void> {
  await tx.reservation.create({
    data: { id: randomUUID(), orderId, status: "RELEASED", reason, expiresAt: new Date() },
  });
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
