// The payment worker's SQL on its own schema: payments, the record of every provider call, and the
// processed-message ids of its idempotent consumers. Raw SQL on a session: the pool
// (`Database.sql`) for single statements, one transaction's session (`Database.transaction`) for the
// rest.
import { randomBytes, randomUUID } from "node:crypto";
import type { SqlSession } from "@emporium/db";
import type { PaymentState } from "../../domain/decide";
import type { ProviderAttempt } from "../resilience/guarded-provider";

export type Sql = SqlSession;

export interface PaymentRow extends PaymentState {
  id: string;
  orderId: string;
  currency: string;
}

const COLUMNS = `id::text AS id, order_id::text AS "orderId", status::text AS status, amount, currency,
  captured_amount AS "capturedAmount", refunded_amount AS "refundedAmount", provider_ref AS "providerRef",
  decline_reason AS "declineReason"`;

async function one(sql: Sql, text: string, params: unknown[]): Promise<PaymentRow | null> {
  const [row] = await sql.query<PaymentRow & Record<string, unknown>>(text, params);
  return row ?? null;
}

export function findPayment(sql: Sql, orderId: string): Promise<PaymentRow | null> {
  return one(sql, `SELECT ${COLUMNS} FROM payments.payments WHERE order_id = $1::uuid`, [orderId]);
}

/** The order's payment under a row lock, for the rest of the transaction. */
export function lockPayment(tx: Sql, orderId: string): Promise<PaymentRow | null> {
  return one(tx, `SELECT ${COLUMNS} FROM payments.payments WHERE order_id = $1::uuid FOR UPDATE`, [orderId]);
}

/**
 * The order's payment, created PENDING if there is none yet. A payment still PENDING takes the
 * command's amount and currency (an earlier try never reached an answer).
 */
export async function openPayment(
  sql: Sql,
  order: { orderId: string; amount: number; currency: string },
): Promise<PaymentRow> {
  const payment = await one(
    sql,
    `INSERT INTO payments.payments AS p (id, order_id, amount, currency, updated_at)
     VALUES ($1::uuid, $2::uuid, $3, $4, now())
     ON CONFLICT (order_id) DO UPDATE
        SET amount = CASE WHEN p.status = 'PENDING' THEN EXCLUDED.amount ELSE p.amount END,
            currency = CASE WHEN p.status = 'PENDING' THEN EXCLUDED.currency ELSE p.currency END,
            updated_at = CASE WHEN p.status = 'PENDING' THEN now() ELSE p.updated_at END
     RETURNING ${COLUMNS}`,
    [randomUUID(), order.orderId, order.amount, order.currency],
  );
  if (!payment) throw new Error(`payment for order ${order.orderId} vanished after it was created`);
  return payment;
}

/**
 * Opens a declined (or failed, nothing held) payment again for the shopper's next card: PENDING, with
 * the command's amount, and no trace of the refusal but its attempt rows.
 */
export async function reopenPayment(
  sql: Sql,
  order: { orderId: string; amount: number; currency: string },
): Promise<void> {
  await sql.query(
    `UPDATE payments.payments
        SET status = 'PENDING', amount = $2, currency = $3, decline_reason = NULL, updated_at = now()
      WHERE order_id = $1::uuid AND (status = 'DECLINED' OR (status = 'FAILED' AND provider_ref IS NULL))`,
    [order.orderId, order.amount, order.currency],
  );
}

/** Whether a message was already handled: a redelivered command then does not call the provider. */
export async function alreadyProcessed(sql: Sql, messageId: string): Promise<boolean> {
  const rows = await sql.query(`SELECT 1 AS seen FROM payments.processed_messages WHERE message_id = $1`, [
    messageId,
  ]);
  return rows.length > 0;
}

/**
 * One row per try at the provider. The key the provider saw is the row's idempotency key up to "#";
 * the suffix (try number and a random part) keeps rows unique when a redelivered command tries again
 * with the same key. Written as each try ends, outside any transaction, so calls made just before a
 * crash are on record too. The order's payment row must exist (it is created before any call).
 */
export async function recordAttempt(sql: Sql, attempt: ProviderAttempt): Promise<void> {
  const key = `${attempt.idempotencyKey}#${attempt.try}.${randomBytes(4).toString("hex")}`;
  await sql.query(
    `INSERT INTO payments.payment_attempts (id, payment_id, operation, idempotency_key, outcome, error_code, duration_ms)
     SELECT $1::uuid, id, $2, $3, $4, $5, $6 FROM payments.payments WHERE order_id = $7::uuid`,
    [
      randomUUID(),
      attempt.operation,
      key,
      attempt.outcome,
      attempt.errorCode,
      attempt.durationMs,
      attempt.reference,
    ],
  );
}

/** The provider's code for the payment's decline, to answer a repeated authorize the same way. */
export async function declineCode(sql: Sql, paymentId: string): Promise<string> {
  const [row] = await sql.query<{ code: string | null }>(
    `SELECT error_code AS code FROM payments.payment_attempts
      WHERE payment_id = $1::uuid AND operation = 'authorize' AND outcome = 'declined'
      ORDER BY created_at DESC LIMIT 1`,
    [paymentId],
  );
  return row?.code ?? "card_declined";
}

export type PaymentChange = Partial<
  Pick<
    PaymentRow,
    "status" | "amount" | "capturedAmount" | "refundedAmount" | "providerRef" | "declineReason"
  >
>;

const CHANGE_COLUMNS: Record<keyof PaymentChange, string> = {
  status: `status = $%::payments."PaymentStatus"`,
  amount: "amount = $%",
  capturedAmount: "captured_amount = $%",
  refundedAmount: "refunded_amount = $%",
  providerRef: "provider_ref = $%",
  declineReason: "decline_reason = $%",
};

/** Changes the order's payment (under the caller's row lock) and returns it as it now is. */
export async function updatePayment(tx: Sql, orderId: string, change: PaymentChange): Promise<PaymentRow> {
  const entries = (Object.keys(CHANGE_COLUMNS) as (keyof PaymentChange)[]).filter((k) => k in change);
  const sets = entries.map((k, i) => CHANGE_COLUMNS[k].replace("$%", `$${i + 2}`));
  const payment = await one(
    tx,
    `UPDATE payments.payments SET ${[...sets, "updated_at = now()"].join(", ")}
      WHERE order_id = $1::uuid RETURNING ${COLUMNS}`,
    [orderId, ...entries.map((k) => change[k] ?? null)],
  );
  if (!payment) throw new Error(`payment of order ${orderId} disappeared while it was being changed`);
  return payment;
}
