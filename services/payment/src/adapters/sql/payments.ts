// The payment worker's SQL on its own schema: payments, the record of every provider call, and the
// processed-message ids of its idempotent consumers.
import { randomBytes, randomUUID } from "node:crypto";
import type { Prisma } from "@emporium/db";
import type { PaymentState } from "../../domain/decide";
import type { ProviderAttempt } from "../resilience/guarded-provider";

/** The Prisma client, or an interactive transaction's. */
export type Sql = Prisma.TransactionClient;

export interface PaymentRow extends PaymentState {
  id: string;
  orderId: string;
  currency: string;
}

const columns = {
  id: true,
  orderId: true,
  status: true,
  amount: true,
  currency: true,
  capturedAmount: true,
  refundedAmount: true,
  providerRef: true,
  declineReason: true,
} as const;

export function findPayment(sql: Sql, orderId: string): Promise<PaymentRow | null> {
  return sql.payment.findUnique({ where: { orderId }, select: columns });
}

/** The order's payment under a row lock, for the rest of the transaction. */
export async function lockPayment(tx: Sql, orderId: string): Promise<PaymentRow | null> {
  await tx.$queryRaw`SELECT id FROM payments.payments WHERE order_id = ${orderId}::uuid FOR UPDATE`;
  return findPayment(tx, orderId);
}

/**
 * The order's payment, created PENDING if there is none yet. A payment still PENDING takes the
 * command's amount and currency (an earlier try never reached an answer).
 */
export async function openPayment(
  sql: Sql,
  order: { orderId: string; amount: number; currency: string },
): Promise<PaymentRow> {
  await sql.payment.createMany({
    data: [{ id: randomUUID(), orderId: order.orderId, amount: order.amount, currency: order.currency }],
    skipDuplicates: true,
  });
  await sql.payment.updateMany({
    where: { orderId: order.orderId, status: "PENDING" },
    data: { amount: order.amount, currency: order.currency },
  });
  const payment = await findPayment(sql, order.orderId);
  if (!payment) throw new Error(`payment for order ${order.orderId} vanished after it was created`);
  return payment;
}

/** Whether a message was already handled: a redelivered command then does not call the provider. */
export async function alreadyProcessed(sql: Sql, messageId: string): Promise<boolean> {
  return (await sql.paymentsProcessedMessage.findUnique({ where: { messageId } })) !== null;
}

/**
 * One row per try at the provider. The key the provider saw is the row's idempotency key up to "#";
 * the suffix (try number and a random part) keeps rows unique when a redelivered command tries again
 * with the same key. Written as each try ends, outside any transaction, so calls made just before a
 * crash are on record too. The order's payment row must exist (it is created before any call).
 */
export async function recordAttempt(sql: Sql, attempt: ProviderAttempt): Promise<void> {
  const key = `${attempt.idempotencyKey}#${attempt.try}.${randomBytes(4).toString("hex")}`;
  await sql.$executeRaw`
    INSERT INTO payments.payment_attempts (id, payment_id, operation, idempotency_key, outcome, error_code, duration_ms)
    SELECT ${randomUUID()}::uuid, id, ${attempt.operation}, ${key}, ${attempt.outcome}, ${attempt.errorCode}, ${attempt.durationMs}
      FROM payments.payments WHERE order_id = ${attempt.reference}::uuid`;
}

/** The provider's code for the payment's decline, to answer a repeated authorize the same way. */
export async function declineCode(sql: Sql, paymentId: string): Promise<string> {
  const attempt = await sql.paymentAttempt.findFirst({
    where: { paymentId, operation: "authorize", outcome: "declined" },
    orderBy: { createdAt: "desc" },
    select: { errorCode: true },
  });
  return attempt?.errorCode ?? "card_declined";
}

/** Changes the order's payment (under the caller's row lock) and returns it as it now is. */
export function updatePayment(
  tx: Sql,
  orderId: string,
  data: Partial<
    Pick<
      PaymentRow,
      "status" | "amount" | "capturedAmount" | "refundedAmount" | "providerRef" | "declineReason"
    >
  >,
): Promise<PaymentRow> {
  return tx.payment.update({ where: { orderId }, data, select: columns });
}
