// The transactional outbox. A service writes the events and commands its state change causes into its
// own `<schema>.outbox` table in the same transaction as the change (enqueue), so either both happen or
// neither. A relay (outbox-relay.ts) publishes them afterwards, in the order they were written.
import { Prisma, type SqlSession } from "@emporium/db";
import {
  staffActionEnvelope,
  TOPICS,
  type AuditRecord,
  type AuditScope,
  type Envelope,
} from "@emporium/contracts";

/** The schemas that have an outbox. Identifiers are taken from this list only, never from input. */
export const OUTBOX_SCHEMAS = [
  "catalog",
  "inventory",
  "orders",
  "payments",
  "fulfillment",
  "identity",
] as const;
export type OutboxSchema = (typeof OUTBOX_SCHEMAS)[number];

export type OutboxMessage =
  | { kind: "event"; topic: string; envelope: Envelope }
  | { kind: "command"; queue: string; envelope: Envelope };

/**
 * A staff change's audit event (audit.staff-action.v1) as an outbox message, for the transaction that
 * makes the change: the audit log then holds exactly the changes that were committed.
 */
export function auditMessage(scope: AuditScope, record: AuditRecord, occurredAt?: Date): OutboxMessage {
  return { kind: "event", topic: TOPICS.audit, envelope: staffActionEnvelope(scope, record, occurredAt) };
}

export function outboxTable(schema: OutboxSchema): Prisma.Sql {
  return Prisma.raw(`"${schema}"."outbox"`);
}

/** The outbox rows of `messages`, as the JSON value `outboxInsert` reads. */
export function outboxRows(messages: readonly OutboxMessage[]): string {
  return JSON.stringify(
    messages.map((m) => ({
      id: m.envelope.id,
      kind: m.kind,
      topic: m.kind === "event" ? m.topic : m.queue,
      type: m.envelope.type,
      aggregate_id: m.envelope.aggregateId,
      payload: m.envelope,
    })),
  );
}

/**
 * The INSERT that writes the rows of `outboxRows(...)`, passed as parameter `$<param>` — the same text
 * whatever the number of rows, so it is parsed once per connection — in their order (and so their
 * publication order). `onlyIf` is an SQL condition for a statement that writes its outbox only when
 * its other parts did (used as a data-modifying CTE).
 */
export function outboxInsert(schema: OutboxSchema, param: number, onlyIf?: string): string {
  return `INSERT INTO "${schema}"."outbox" (id, kind, topic, type, aggregate_id, payload)
    SELECT m.id, m.kind, m.topic, m.type, m.aggregate_id, m.payload
      FROM ROWS FROM (json_to_recordset($${param}::json)
             AS (id uuid, kind text, topic text, type text, aggregate_id text, payload jsonb))
           WITH ORDINALITY AS m(id, kind, topic, type, aggregate_id, payload, n)
     ${onlyIf ? `WHERE ${onlyIf}` : ""}
     ORDER BY m.n`;
}

/**
 * Writes `messages` to the schema's outbox inside the caller's transaction — a raw session from
 * `Database.transaction`, or a Prisma transaction seen through `prismaSession(tx)`.
 */
export async function enqueue(
  tx: SqlSession,
  schema: OutboxSchema,
  messages: readonly OutboxMessage[],
): Promise<void> {
  if (messages.length === 0) return;
  await tx.query(outboxInsert(schema, 1), [outboxRows(messages)]);
}

/**
 * Idempotent consumption: records a message id in `<schema>.processed_messages` inside the caller's
 * transaction. Returns false when the message was already processed — the caller then does nothing,
 * and the transaction commits (or rolls back) together with the effect.
 */
export async function claimMessage(
  tx: SqlSession,
  schema: OutboxSchema,
  messageId: string,
): Promise<boolean> {
  const rows = await tx.query(
    `INSERT INTO "${schema}"."processed_messages" (message_id) VALUES ($1) ON CONFLICT DO NOTHING RETURNING 1 AS claimed`,
    [messageId],
  );
  return rows.length === 1;
}
