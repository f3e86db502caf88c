// payment.capture: take the authorized money once the order has shipped. Idempotent: the provider sees
// one key per order, and an order already captured is answered again without calling it. A provider
// that is unavailable makes the consumer throw, so the command bus tries again later (the queue has a
// persistent retry policy, PAYMENT_RETRY_DELAYS_MS); after the last retry the command is dead-lettered,
// not answered payment.failed: the money is still owed, and once the provider is back staff replay it
// from the operations console and the order completes (charged once: the same key).
import { capturePaymentV1, readMessage, type Envelope } from "@emporium/contracts";
import type { MessageHandler } from "@emporium/messaging";
import type { z } from "zod";
import { alreadyProcessed, findPayment, lockPayment, updatePayment } from "../adapters/sql/payments";
import { decideCapture } from "../domain/decide";
import { captureKey } from "../domain/keys";
import { PermanentProviderError, type CaptureResult } from "../ports/payment-provider";
import { answerWithoutProvider, commit, type PaymentContext } from "./context";
import { replies } from "./replies";

type CaptureMessage = Envelope<z.output<typeof capturePaymentV1.schema>>;

async function capture(ctx: PaymentContext, envelope: CaptureMessage): Promise<string> {
  const { data, traceparent } = envelope;
  const reply = replies(data.orderId, traceparent);
  const sql = ctx.db.sql;
  if (await alreadyProcessed(sql, envelope.id)) return "duplicate";

  const decision = decideCapture(await findPayment(sql, data.orderId), data.amount);
  if (decision.kind !== "call")
    return answerWithoutProvider(ctx, envelope.id, data.orderId, decision, {
      again: (payment) => reply.captured(payment),
      refused: (reason) => reply.failed("capture", reason),
    });

  let result: CaptureResult;
  try {
    result = await ctx.provider.capture({
      idempotencyKey: captureKey(data.orderId),
      providerRef: decision.providerRef,
      amount: data.amount,
      reference: data.orderId,
    });
  } catch (err) {
    if (!(err instanceof PermanentProviderError)) throw err;
    result = { outcome: "declined", code: err.code, message: err.message };
  }

  const answered = result;
  let outcome = "duplicate";
  await commit(ctx, envelope.id, async (tx) => {
    const payment = await lockPayment(tx, data.orderId);
    if (!payment) throw new Error(`payment of order ${data.orderId} disappeared during its capture`);
    if (payment.status !== "AUTHORIZED") {
      // Changed since we looked (another delivery finished first): answer from what is recorded now.
      const now = decideCapture(payment, data.amount);
      outcome = "repeat";
      return [
        now.kind === "answer"
          ? reply.captured(payment)
          : reply.failed("capture", payment.declineReason ?? `payment is ${payment.status}`),
      ];
    }
    if (answered.outcome === "approved") {
      outcome = "captured";
      return [
        reply.captured(
          await updatePayment(tx, data.orderId, { status: "CAPTURED", capturedAmount: data.amount }),
        ),
      ];
    }
    outcome = "failed";
    const reason = `the provider refused the capture: ${answered.message} (${answered.code})`;
    await updatePayment(tx, data.orderId, { status: "FAILED", declineReason: reason });
    return [reply.failed("capture", reason)];
  });
  return outcome;
}

export function captureConsumer(ctx: PaymentContext): MessageHandler {
  return async (envelope) => {
    const message = readMessage(envelope, capturePaymentV1);
    const { orderId } = message.data;
    const outcome = await ctx.orders.run(orderId, () => capture(ctx, message));
    ctx.metrics.commands.inc({ command: "capture", outcome });
    ctx.log.debug({ orderId, outcome }, "capture handled");
  };
}
