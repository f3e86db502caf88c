// What happens to one delivered message, whatever the broker: read it, run the handler, and decide —
// done, try again later, or dead-letter (unreadable, permanently failing, or out of retries).
import { MalformedMessageError, parseEnvelope } from "@emporium/contracts";
import type { Logger } from "@emporium/observability";
import { PermanentMessageError, type DeliveryInfo, type MessageHandler } from "./ports";
import { retryDelay, type RetryPolicy } from "./retry";

export type Outcome =
  { kind: "done" } | { kind: "retry"; delayMs: number; error: string } | { kind: "dead"; reason: string };

function describe(err: unknown): string {
  return err instanceof Error ? `${err.name}: ${err.message}` : String(err);
}

export async function dispatch(
  body: Buffer,
  info: DeliveryInfo,
  handle: MessageHandler,
  policy: RetryPolicy,
  log: Logger,
): Promise<Outcome> {
  let envelope;
  try {
    envelope = parseEnvelope(body);
  } catch (err) {
    log.warn({ source: info.source, err: describe(err) }, "unreadable message dead-lettered");
    return { kind: "dead", reason: describe(err) };
  }
  try {
    await handle(envelope, info);
    return { kind: "done" };
  } catch (err) {
    const context = {
      source: info.source,
      messageId: envelope.id,
      type: envelope.type,
      attempt: info.attempt,
    };
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
