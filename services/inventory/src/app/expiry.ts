// Reservations hold stock only for a while: an order that never got paid gives its units back. The
// sweep runs on a timer in the worker; storage does each batch through the ReservationExpiry port.
import type { Logger } from "@emporium/observability";
import type { ReservationExpiry } from "../ports/reservation-expiry";

/** Expires up to `limit` overdue reservations; returns how many. */
export async function expireReservations(
  reservations: ReservationExpiry,
  limit = 50,
  now = new Date(),
): Promise<number> {
  return reservations.expireOverdue(limit, now);
}

export function startExpirySweeper(
  reservations: ReservationExpiry,
  log: Logger,
  everyMs: number,
): () => void {
  let running = false;
  const timer = setInterval(() => {
    if (running) return;
    running = true;
    expireReservations(reservations)
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
