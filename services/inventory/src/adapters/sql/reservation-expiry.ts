// Reservation expiry on PostgreSQL/PGlite: overdue rows are taken with SKIP LOCKED, so several
// sweepers (one per instance) share the work; each reservation's units return to available and its
// release is announced through the outbox in the same transaction.
import { createEnvelope, stockReleasedV1, TOPICS } from "@emporium/contracts";
import type { Database } from "@emporium/db";
import { enqueue } from "@emporium/messaging";
import type { ReservationExpiry } from "../../ports/reservation-expiry";
import { closeReservation, findReservation } from "./reservations";

export class SqlReservationExpiry implements ReservationExpiry {
  constructor(private readonly db: Database) {}

  async expireOverdue(limit: number, now: Date): Promise<number> {
    return this.db.transaction(async (tx) => {
      const due = await tx.query<{ orderId: string }>(
        `SELECT order_id::text AS "orderId" FROM inventory.reservations
          WHERE status = 'ACTIVE' AND expires_at < $1::timestamptz
          ORDER BY expires_at LIMIT $2
            FOR UPDATE SKIP LOCKED`,
        [now.toISOString(), limit],
      );
      for (const { orderId } of due) {
        const reservation = await findReservation(tx, orderId);
        if (reservation?.status !== "ACTIVE") continue;
        const changed = await closeReservation(tx, reservation, "EXPIRED", "expired");
        await enqueue(tx, "inventory", [
          {
            kind: "event",
            topic: TOPICS.inventory,
            envelope: createEnvelope(stockReleasedV1, orderId, { orderId, reason: "expired" }),
          },
          ...changed,
        ]);
      }
      return due.length;
    });
  }
}
