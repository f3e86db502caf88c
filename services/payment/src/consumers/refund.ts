// payment.refund: give money back, in full or in parts, never more than was captured; an authorization
// never captured is voided instead. Each refund of an order has its own provider key (the amount
// refunded before it), so a redelivered refund is replayed by the provider, not paid out twice.
import { readMessage, refundPaymentV1, type Envelope } from "@emporium/contracts";
import type { DeliveryInfo, MessageHandler } from "@emporium/messaging";
import type { z } from "zod";
import { alreadyProcessed, findPayment, lockPayment, updatePayment } from "../adapters/sql/payments";
import { afterRefund, decideRefund } from "../domain/decide";
import { refundKey } from "../domain/keys";
import { PermanentProviderError, TransientProviderError, type RefundResult } from "../ports/payment-provider";
import { answerWithoutProvider, commit, type PaymentContext } from "./context";
import { replies } from "./replies";

type RefundMessage = Envelope<z.output<typeof refundPaymentV1.schema>>;

async function refund(ctx: PaymentContext, envelope: RefundMessage, info: DeliveryInfo): Promise<string> {
  const { data, traceparent } = envelope;
  const reply = replies(data.orderId, traceparent);
  const sql = ctx.db.sql;
  if (await alreadyProcessed(sql, envelope.id)) return "duplicate";

  const decision = decideRefund(await findPayment(sql, data.orderId), data.amount);
  if (decision.kind !== "call")
    return answerWithoutProvider(ctx, envelope.id, data.orderId, decision, {
      again: (payment) => reply.refunded(payment, data.amount),
      refused: (reason) => reply.failed("refund", reason),
    });

  let result: RefundResult;
  try {
    result = await ctx.provider.refund({
      idempotencyKey: refundKey(data.orderId, decision.refundedSoFar),
      providerRef: decision.providerRef,
      amount: data.amount,
      reference: data.orderId,
    });
  } catch (err) {
    // The same key with another amount: a refund of this order that is not recorded yet is under way
    // elsewhere. Once it is, this one gets the next key.
    if (
      err instanceof PermanentProviderError &&
      err.code === "idempotency_mismatch" &&
      info.attempt < ctx.lastDelivery
    )
      throw new Error(`another refund of order ${data.orderId} is in flight; trying again later`, {
        cause: err,
      });
    if (err instanceof TransientProviderError && info.attempt < ctx.lastDelivery) throw err;
    if (err instanceof TransientProviderError || err instanceof PermanentProviderError) {
      const reason =
        err instanceof TransientProviderError
          ? `payment provider unavailable: ${err.message}; gave up after ${info.attempt} deliveries`
          : `the provider refused the refund: ${err.message}`;
      await commit(ctx, envelope.id, async () => [reply.failed("refund", reason)]);
      return "failed";
    }
    throw err;
  }

  const answered = result;
  let outcome = "duplicate";
  await commit(ctx, envelope.id, async (tx) => {
    const payment = await lockPayment(tx, data.orderId);
    if (!payment) throw new Error(`payment of order ${data.orderId} disappeared during its refund`);
    if (answered.outcome === "declined") {
      outcome = "failed";
      return [
        reply.failed("refund", `the provider refused the refund: ${answered.message} (${answered.code})`),
      ];
    }
    if (payment.refundedAmount !== decision.refundedSoFar) {
      // The provider answered this key before and that refund is recorded already: say so again.
      outcome = "repeat";
      return [reply.refunded(payment, data.amount)];
    }
    const next = afterRefund(payment, decision.mode, data.amount);
    outcome = decision.mode === "void" ? "voided" : "refunded";
    const updated = await updatePayment(tx, data.orderId, {
      status: next.status,
      refundedAmount: next.refundedAmount,
    });
    return [reply.refunded(updated, next.refundedNow)];
  });
  return outcome;
}

export function refundConsumer(ctx: PaymentContext): MessageHandler {
  return async (envelope, info) => {
    const message = readMessage(envelope, refundPaymentV1);
    const { orderId } = message.data;
    const outcome = await ctx.orders.run(orderId, () => refund(ctx, message, info));
    ctx.metrics.commands.inc({ command: "refund", outcome });
    ctx.log.debug({ orderId, outcome }, "refund handled");
  };
}
