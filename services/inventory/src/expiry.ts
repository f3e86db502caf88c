// Reservations hold stock only for a while: an order that never got paid gives its units back.
import { createEnvelope, stockReleasedV1, TOPICS } from "@emporium/contracts";
import { enqueue } from "@emporium/messaging";
import type { Database } from "@emporium/db";
import type { Logger } from "@emporium/observability";
import { closeReservation, findReservation } from "./adapters/reservations";

/** Expires up to `limit` overdue reservations; returns how many. */
export async function expireReservations(db: Database, limit = 50, now = new Date()): Promise<number> {
  return db.transaction(async (tx) => {
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

export function startExpirySweeper(db: Database, log: Logger, everyMs: number): () => void {
  let running = false;
  const timer = setInterval(() => {
    if (running) return;
    running = true;
    expireReservations(db)
      .then((n) => {
        if (n > 0) log.info({ expired: n }, "expired reservations released");
      })
      .catch((err: unknown) => log.warn({ err }, "reservation expiry sweep failed"))
      .finally(() => {
        running = false;
      });
  }, everyMs);
  timer.unref();
  return () => clearInterval(timer);
}
