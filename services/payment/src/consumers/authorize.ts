// payment.authorize: ask the provider to hold the order's amount on the shopper's card. The provider
// is called outside any transaction; one transaction then records the outcome, claims the message and
// enqueues the answer. A provider that stays unavailable (or an open breaker) is answered at once with
// payment.failed, so the order is cancelled with a clear message instead of waiting.
import { authorizePaymentV1, readMessage, type Envelope } from "@emporium/contracts";
import type { MessageHandler } from "@emporium/messaging";
import type { z } from "zod";
import {
  alreadyProcessed,
  declineCode,
  findPayment,
  lockPayment,
  openPayment,
  reopenPayment,
  updatePayment,
  type PaymentRow,
  type Sql,
} from "../adapters/sql/payments";
import { decideAuthorize, refusedAuthorization } from "../domain/decide";
import { authorizeKey } from "../domain/keys";
import {
  PermanentProviderError,
  TransientProviderError,
  type AuthorizeResult,
} from "../ports/payment-provider";
import { commit, type PaymentContext } from "./context";
import { replies, type Replies } from "./replies";

type AuthorizeMessage = Envelope<z.output<typeof authorizePaymentV1.schema>>;

type Outcome = AuthorizeResult | { outcome: "failed"; reason: string };

/** The answer a payment already past PENDING gives to another authorize for its order. */
async function answerAgain(tx: Sql, reply: Replies, payment: PaymentRow) {
  const decision = decideAuthorize(payment);
  // Only PENDING payments decide "call", and those are never answered again.
  if (decision.kind === "call" || decision.answer === "authorized") return reply.authorized(payment);
  if (decision.answer === "declined")
    return reply.declined(
      await declineCode(tx, payment.id),
      payment.declineReason ?? "The card was declined.",
    );
  return reply.failed("authorize", payment.declineReason ?? "the payment failed");
}

async function callProvider(ctx: PaymentContext, data: AuthorizeMessage["data"]): Promise<Outcome> {
  try {
    return await ctx.provider.authorize({
      idempotencyKey: authorizeKey(data.orderId, data.attempt),
      token: data.paymentToken,
      amount: data.amount,
      currency: data.currency,
      reference: data.orderId,
    });
  } catch (err) {
    if (err instanceof TransientProviderError)
      return { outcome: "failed", reason: `payment provider unavailable: ${err.message}` };
    if (err instanceof PermanentProviderError)
      return { outcome: "failed", reason: `payment provider refused the authorization: ${err.message}` };
    throw err;
  }
}

async function authorize(ctx: PaymentContext, envelope: AuthorizeMessage): Promise<string> {
  const { data, traceparent } = envelope;
  const reply = replies(data.orderId, traceparent);
  const sql = ctx.db.sql;
  if (await alreadyProcessed(sql, envelope.id)) return "duplicate";

  const existing = await findPayment(sql, data.orderId);
  if (existing && decideAuthorize(existing, data.attempt).kind === "answer") {
    const fresh = await commit(ctx, envelope.id, async (tx) => {
      const payment = await lockPayment(tx, data.orderId);
      return payment ? [await answerAgain(tx, reply, payment)] : [];
    });
    return fresh ? "repeat" : "duplicate";
  }

  await openPayment(sql, data);
  // Another card on an order whose last one was refused: a new authorization (its own provider key).
  if (existing && refusedAuthorization(existing)) await reopenPayment(sql, data);
  const outcome = await callProvider(ctx, data);
  let recorded = "duplicate";
  await commit(ctx, envelope.id, async (tx) => {
    const payment = await lockPayment(tx, data.orderId);
    if (!payment) throw new Error(`payment of order ${data.orderId} disappeared during its authorization`);
    if (payment.status !== "PENDING") {
      // Another delivery for this order got there first: answer as it did.
      recorded = "repeat";
      return [await answerAgain(tx, reply, payment)];
    }
    recorded = outcome.outcome === "approved" ? "authorized" : outcome.outcome;
    if (outcome.outcome === "approved")
      return [
        reply.authorized(
          await updatePayment(tx, data.orderId, { status: "AUTHORIZED", providerRef: outcome.providerRef }),
        ),
      ];
    if (outcome.outcome === "declined") {
      await updatePayment(tx, data.orderId, {
        status: "DECLINED",
        declineReason: outcome.message,
        providerRef: outcome.providerRef ?? null,
      });
      return [reply.declined(outcome.code, outcome.message)];
    }
    await updatePayment(tx, data.orderId, { status: "FAILED", declineReason: outcome.reason });
    return [reply.failed("authorize", outcome.reason)];
  });
  if (recorded === "failed") ctx.log.warn({ orderId: data.orderId, outcome }, "authorization failed");
  return recorded;
}

export function authorizeConsumer(ctx: PaymentContext): MessageHandler {
  return async (envelope) => {
    const message = readMessage(envelope, authorizePaymentV1);
    const { orderId } = message.data;
    const outcome = await ctx.orders.run(orderId, () => authorize(ctx, message));
    ctx.metrics.commands.inc({ command: "authorize", outcome });
    ctx.log.debug({ orderId, outcome }, "authorize handled");
  };
}
