// What happens to one delivered message, whatever the broker: read it, run the handler, and decide —
// done, try again later, or dead-letter (unreadable, permanently failing, or out of retries).
import { MalformedMessageError, parseEnvelope, traceIdOf } from "@emporium/contracts";
import { inConsumerSpan, type Logger } from "@emporium/observability";
import { PermanentMessageError, type DeliveryInfo, type MessageHandler } from "./ports";
import { retryDelay, type RetryPolicy } from "./retry";

export type Outcome =
  { kind: "done" } | { kind: "retry"; delayMs: number; error: string } | { kind: "dead"; reason: string };

function describe(err: unknown): string {
  return err instanceof Error ? `${err.name}: ${err.message}` : String(err);
}

/** What the bus knows of a delivered message besides its body. */
export interface Delivered {
  kind: "event" | "command";
  /** The traceparent header (the producer's span), when the message had one. */
  traceparent?: string | undefined;
}

/**
 * The trace is continued from the message's traceparent header, or else its envelope's. With tracing
 * on the handler runs in a consumer span, that one's child, and sees the consumer span's traceparent in
 * the envelope — so the messages it writes continue the trace from there.
 */
export async function dispatch(
  body: Buffer,
  info: DeliveryInfo,
  handle: MessageHandler,
  policy: RetryPolicy,
  log: Logger,
  delivered: Delivered,
): Promise<Outcome> {
  let envelope;
  try {
    envelope = parseEnvelope(body);
  } catch (err) {
    log.warn({ source: info.source, err: describe(err) }, "unreadable message dead-lettered");
    return { kind: "dead", reason: describe(err) };
  }
  const traceparent = delivered.traceparent ?? envelope.traceparent;
  const traceId = traceIdOf(traceparent);
  // Every line about this message names it and its trace, so one order's journey is one search in the
  // log store (its trace id), across every service the order crossed.
  const context = {
    source: info.source,
    messageId: envelope.id,
    type: envelope.type,
    aggregateId: envelope.aggregateId,
    attempt: info.attempt,
    ...(traceId ? { traceId } : {}),
  };
  try {
    const read = envelope;
    const span = {
      destination: info.source,
      kind: delivered.kind,
      messageId: read.id,
      type: read.type,
      attempt: info.attempt,
    };
    await inConsumerSpan(traceparent, span, (own) =>
      handle(own ? { ...read, traceparent: own } : read, info),
    );
    log.info(context, "message handled");
    return { kind: "done" };
  } catch (err) {
    if (err instanceof MalformedMessageError || err instanceof PermanentMessageError) {
      log.warn({ ...context, err: describe(err) }, "message can never succeed; dead-lettered");
      return { kind: "dead", reason: describe(err) };
    }
    const delayMs = retryDelay(policy, info.attempt);
    if (delayMs === null) {
      log.error({ ...context, err }, "message failed on its last attempt; dead-lettered");
      return { kind: "dead", reason: `gave up after ${info.attempt} attempts: ${describe(err)}` };
    }
    log.warn({ ...context, err: describe(err), retryInMs: delayMs }, "message handler failed; will retry");
    return { kind: "retry", delayMs, error: describe(err) };
  }
}
