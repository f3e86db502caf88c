// The transactional outbox. A service writes the events and commands its state change causes into its
// own `<schema>.outbox` table in the same transaction as the change (enqueue), so either both happen or
// neither. A relay (outbox-relay.ts) publishes them afterwards, in the order they were written.
import { Prisma } from "@emporium/db";
import type { Envelope } from "@emporium/contracts";

/** The schemas that have an outbox. Identifiers are taken from this list only, never from input. */
export type OutboxSchema = "catalog" | "inventory" | "orders" | "payments" | "fulfillment";

export type OutboxMessage =
  | { kind: "event"; topic: string; envelope: Envelope }
  | { kind: "command"; queue: string; envelope: Envelope };

/** Anything that runs raw SQL: the Prisma client or an interactive transaction's client. */
export interface SqlExecutor {
  $executeRaw(query: Prisma.Sql): Promise<number>;
}

export function outboxTable(schema: OutboxSchema): Prisma.Sql {
  return Prisma.raw(`"${schema}"."outbox"`);
}

export async function enqueue(
  tx: SqlExecutor,
  schema: OutboxSchema,
  messages: readonly OutboxMessage[],
): Promise<void> {
  if (messages.length === 0) return;
  const rows = messages.map((m) => {
    const channel = m.kind === "event" ? m.topic : m.queue;
    return Prisma.sql`(${m.envelope.id}::uuid, ${m.kind}, ${channel}, ${m.envelope.type}, ${m.envelope.aggregateId}, ${JSON.stringify(m.envelope)}::jsonb)`;
  });
  await tx.$executeRaw(
    Prisma.sql`INSERT INTO ${outboxTable(schema)} (id, kind, topic, type, aggregate_id, payload) VALUES ${Prisma.join(rows)}`,
  );
}

/**
 * Idempotent consumption: records a message id in `<schema>.processed_messages` inside the caller's
 * transaction. Returns false when the message was already processed — the caller then does nothing,
 * and the transaction commits (or rolls back) together with the effect.
 */
export async function claimMessage(
  tx: SqlExecutor,
  schema: OutboxSchema,
  messageId: string,
): Promise<boolean> {
  const inserted = await tx.$executeRaw(
    Prisma.sql`INSERT INTO ${Prisma.raw(`"${schema}"."processed_messages"`)} (message_id) VALUES (${messageId}) ON CONFLICT DO NOTHING`,
  );
  return inserted === 1;
}
