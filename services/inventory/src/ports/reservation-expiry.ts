// What the expiry sweep needs from storage: overdue reservations closed and their units given back,
// each with its "released (expired)" event, in one transaction per batch.
export interface ReservationExpiry {
  /**
   * Expires up to `limit` reservations whose hold ended before `now` (rows another sweeper holds are
   * skipped); returns how many were due.
   */
  expireOverdue(limit: number, now: Date): Promise<number>;
}
