// For services' tests: the staff audit events an outbox holds, read back through their contract, so a
// test asserts what the audit log will receive (sent or not yet) rather than a row's raw JSON.
import {
  envelopeSchema,
  readMessage,
  staffActionV1,
  type Envelope,
  type StaffAction,
} from "@emporium/contracts";
import type { Database } from "@emporium/db";
import type { OutboxSchema } from "./outbox/outbox";

/**
 * The audit.staff-action.v1 events in `schema`'s outbox, in the order they were written; only those
 * about `target` when one is given.
 */
export async function auditEventsIn(
  db: Database,
  schema: OutboxSchema,
  target?: { type: string; id: string },
): Promise<Envelope<StaffAction>[]> {
  const rows = await db.sql.query<{ payload: unknown }>(
    `SELECT payload FROM "${schema}"."outbox" WHERE type = $1 AND ($2::text IS NULL OR aggregate_id = $2)
      ORDER BY seq`,
    [staffActionV1.type, target ? `${target.type}:${target.id}` : null],
  );
  return rows.map((r) => readMessage(envelopeSchema.parse(r.payload), staffActionV1));
}
