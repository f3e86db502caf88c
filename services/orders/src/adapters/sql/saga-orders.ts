// The saga's reads and writes of an order in raw SQL. A step reads the order (no lock), decides, and
// writes everything it decided — new facts and status, timeline entries, outbox rows and the claim of
// the message it answered — in ONE statement that applies only if the order is still the version it
// read (its row's xmin). Two round trips a step instead of a locked transaction's seven; a step that
// lost a race reads again. Staff actions lock the row first and use the same writer; a staff refund
// claims its idempotency key in the same transaction. sqlSagaStore serves all of it as the SagaStore
// port. A SagaOrder's version is its row's xmin.
import { isUniqueViolation, type Database, type SqlSession } from "@emporium/db";
import { outboxInsert, outboxRows } from "@emporium/messaging";
import type { SagaOrder, SagaStep, SagaStore, StaffActionSession } from "../../ports/saga-store";

/** The saga's reads and writes on the pool; staff actions in one raw SQL transaction. */
export function sqlSagaStore(db: Database): SagaStore {
  return {
    readSagaOrder: (orderId, messageId) => readSagaOrder(db.sql, orderId, messageId),
    writeSagaStep: (step) => writeSagaStep(db.sql, step),
    transaction: (fn) => db.transaction((tx) => fn(staffActionSession(tx))),
    isDuplicate: isUniqueViolation,
  };
}

function staffActionSession(tx: SqlSession): StaffActionSession {
  return {
    async lockOrderRow(orderId) {
      const exists = await tx.query(`SELECT id FROM orders.orders WHERE id = $1::uuid FOR UPDATE`, [orderId]);
      return exists.length > 0;
    },
    async findKey(key) {
      const [seen] = await tx.query<{ scope: string; requestHash: string }>(
        `SELECT scope, request_hash AS "requestHash" FROM orders.idempotency_keys WHERE key = $1`,
        [key],
      );
      return seen ?? null;
    },
    async claimRefundKey(k) {
      await tx.query(
        `INSERT INTO orders.idempotency_keys (key, scope, request_hash, order_id, expires_at)
           VALUES ($1, 'admin.refund', $2, $3::uuid, $4::timestamptz)`,
        [k.key, k.requestHash, k.orderId, k.expiresAt.toISOString()],
      );
    },
    lockSagaOrder: (orderId) => lockSagaOrder(tx, orderId),
    writeSagaStep: (step) => writeSagaStep(tx, step),
  };
}

function orderQuery(lock: boolean, where = "o.id = $1::uuid"): string {
  return `SELECT o.id::text AS id, o.number, o.email, o.status::text AS status, o.cancel_reason AS "cancelReason",
            o.currency, o.total, o.shipping_method AS "shippingMethod", o.shipping_address AS "shippingAddress",
            o.payment_token AS "paymentToken", o.saga, o.xmin::text AS version,
            (extract(epoch FROM o.created_at) * 1000)::float8 AS "placedAtMs",
            EXISTS (SELECT 1 FROM orders.processed_messages m WHERE m.message_id = $2) AS answered,
            COALESCE((SELECT json_agg(json_build_object('variantId', l.variant_id, 'sku', l.sku, 'title', l.title,
                                                        'quantity', l.quantity, 'unitPrice', l.unit_price) ORDER BY l.sku)
                        FROM orders.order_lines l WHERE l.order_id = o.id), '[]'::json) AS lines
       FROM orders.orders o WHERE ${where}${lock ? " FOR UPDATE OF o" : ""}`;
}

/** The order with its lines as it is now; null when there is none. */
export async function readSagaOrder(
  sql: SqlSession,
  orderId: string,
  messageId: string | null,
): Promise<SagaOrder | null> {
  const [row] = await sql.query<SagaOrder & Record<string, unknown>>(orderQuery(false), [orderId, messageId]);
  return row ?? null;
}

/** The order with its lines, locked for the rest of the caller's transaction; null when there is none. */
export async function lockSagaOrder(tx: SqlSession, orderId: string): Promise<SagaOrder | null> {
  const [row] = await tx.query<SagaOrder & Record<string, unknown>>(orderQuery(true), [orderId, null]);
  return row ?? null;
}

/**
 * The order placed from this cart that awaits another card, locked for the rest of the caller's
 * transaction; null when there is none. Only PENDING orders are looked at (their status index).
 */
export async function lockHeldOrder(tx: SqlSession, cartId: string): Promise<SagaOrder | null> {
  const held = `o.status = 'PENDING' AND o.saga->'holdForRetry'->>'cartId' = $1 AND o.saga ? 'awaitingPayment'`;
  const [row] = await tx.query<SagaOrder & Record<string, unknown>>(orderQuery(true, held), [cartId, null]);
  return row ?? null;
}

// Every part hangs off `changed`: when the order is no longer the version read (or the message was
// answered meanwhile), nothing at all is written.
const WRITE_STEP = `
  WITH changed AS (
    UPDATE orders.orders
       SET status = $3::orders."OrderStatus", saga = $4::jsonb, cancel_reason = $5,
           payment_token = CASE WHEN $6::boolean THEN NULL ELSE payment_token END,
           carrier = COALESCE($7::text, carrier), tracking_number = COALESCE($8::text, tracking_number),
           updated_at = now()
     WHERE id = $1::uuid AND xmin = $2::text::xid
       AND ($9::text IS NULL OR NOT EXISTS (SELECT 1 FROM orders.processed_messages WHERE message_id = $9::text))
    RETURNING id
  ), claimed AS (
    INSERT INTO orders.processed_messages (message_id) SELECT $9::text FROM changed WHERE $9::text IS NOT NULL
  ), entries AS (
    INSERT INTO orders.order_timeline (id, order_id, status, code, message)
    SELECT e.id, changed.id, e.status::orders."OrderStatus", e.code, e.message
      FROM changed, ROWS FROM (json_to_recordset($10::json) AS (id uuid, status text, code text, message text))
           WITH ORDINALITY AS e(id, status, code, message, n)
     ORDER BY e.n
  ), reopened AS (
    UPDATE orders.carts SET converted_order_id = NULL, updated_at = now()
     WHERE id = $12::uuid AND converted_order_id = $1::uuid AND EXISTS (SELECT 1 FROM changed)
  ), outbox AS (
    ${outboxInsert("orders", 11, "EXISTS (SELECT 1 FROM changed)")}
  )
  SELECT count(*)::int AS written FROM changed`;

/** Writes the step if the order is still at `step.version`; false when it is not (read again). */
export async function writeSagaStep(sql: SqlSession, step: SagaStep): Promise<boolean> {
  const [row] = await sql.query<{ written: number }>(WRITE_STEP, [
    step.orderId,
    step.version,
    step.status,
    JSON.stringify(step.facts),
    step.cancelReason,
    step.dropPaymentToken,
    step.shipment?.carrier ?? null,
    step.shipment?.trackingNumber ?? null,
    step.messageId,
    JSON.stringify(step.timeline),
    outboxRows(step.messages),
    step.reopenCartId ?? null,
  ]);
  return row?.written === 1;
}
