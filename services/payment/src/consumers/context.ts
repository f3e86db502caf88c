// What every payment consumer gets from the composition root, and the one way consumers finish: a
// transaction that claims the message id, records the outcome and enqueues the answer together.
import type { Database } from "@emporium/db";
import { claimMessage, enqueue, type OutboxMessage } from "@emporium/messaging";
import type { Logger } from "@emporium/observability";
import { lockPayment, type PaymentRow, type Sql } from "../adapters/sql/payments";
import type { NoCall } from "../domain/decide";
import type { PaymentMetrics } from "../app/metrics";
import type { PaymentProvider } from "../ports/payment-provider";
import type { KeyedLock } from "../app/keyed-lock";

export interface PaymentContext {
  db: Database;
  log: Logger;
  /** The provider behind its deadline, breaker and retries. */
  provider: PaymentProvider;
  metrics: PaymentMetrics;
  /** One order's commands run one at a time in this process. */
  orders: KeyedLock;
  /**
   * The last delivery a refund gets from its queue's retry policy: on that one a provider that is still
   * unavailable is answered with payment.failed instead of a dead letter (a capture is dead-lettered).
   */
  lastDelivery: number;
}

/**
 * Claims `messageId` and, if it was not handled before, writes what `decide` returns to the outbox in
 * the same transaction. Returns false for a message already handled (nothing is written).
 */
export function commit(
  ctx: PaymentContext,
  messageId: string,
  decide: (tx: Sql) => Promise<readonly OutboxMessage[]>,
): Promise<boolean> {
  return ctx.db.transaction(async (tx) => {
    if (!(await claimMessage(tx, "payments", messageId))) return false;
    await enqueue(tx, "payments", await decide(tx));
    return true;
  });
}

/**
 * Finishes a capture or refund that needs no provider call: answers again from the recorded payment,
 * refuses with payment.failed, or throws so that the command bus tries again later. Returns the outcome.
 */
export async function answerWithoutProvider(
  ctx: PaymentContext,
  messageId: string,
  orderId: string,
  decision: NoCall,
  answers: { again: (payment: PaymentRow) => OutboxMessage; refused: (reason: string) => OutboxMessage },
): Promise<string> {
  if (decision.kind === "wait") throw new Error(`order ${orderId} must wait: ${decision.reason}`);
  if (decision.kind === "refuse") {
    await commit(ctx, messageId, async () => [answers.refused(decision.reason)]);
    return "refused";
  }
  await commit(ctx, messageId, async (tx) => {
    const payment = await lockPayment(tx, orderId);
    return payment ? [answers.again(payment)] : [];
  });
  return "repeat";
}
