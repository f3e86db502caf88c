// The operations console's dead letters: the saga's command queues, what each holds dead-lettered (named,
// with its payload redacted and the order it is about), and the two staff actions on one of them —
// replay (back to its queue as a first attempt) and discard. Each acts on exactly one message, once: an
// id the queue's dead letters do not hold (never there, or settled already) is a 404 that changes
// nothing. A settled dead letter is audited (audit.staff-action.v1 through the orders outbox).
import { QUEUES, type AuditRecord, type AuditScope, type Queue } from "@emporium/contracts";
import {
  auditMessage,
  type CommandBus,
  type CommandDeadLetter,
  type OutboxMessage,
} from "@emporium/messaging";
import { NotFoundError } from "@emporium/service-kit/errors";

/** The queues the order saga sends its commands to, the console's rows. */
export const SAGA_QUEUES = Object.values(QUEUES) as [Queue, ...Queue[]];

export interface DeadLetterView {
  messageId: string;
  type: string | null;
  reason: string;
  attempts: number | null;
  deadAt: string | null;
  /** The order the command is about, when its payload names one. */
  orderId: string | null;
  /** The payload with secrets redacted (never the raw bytes). */
  payload: unknown;
}

export interface QueueDeadLetters {
  queue: Queue;
  depth: { ready: number; retrying: number; dead: number };
  letters: DeadLetterView[];
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function orderIdOf(payload: unknown): string | null {
  if (payload === null || typeof payload !== "object") return null;
  const envelope = payload as { data?: unknown; aggregateId?: unknown };
  const data = envelope.data;
  const named =
    data !== null && typeof data === "object" ? (data as { orderId?: unknown }).orderId : undefined;
  for (const candidate of [named, envelope.aggregateId])
    if (typeof candidate === "string" && UUID.test(candidate)) return candidate;
  return null;
}

function view(letter: CommandDeadLetter): DeadLetterView {
  return {
    messageId: letter.messageId,
    type: letter.type,
    reason: letter.reason,
    attempts: letter.attempts,
    deadAt: letter.deadAt,
    orderId: orderIdOf(letter.payload),
    payload: letter.payload,
  };
}

/** Every saga queue's depth and dead letters (newest `limit` of each), in the order of SAGA_QUEUES. */
export async function listDeadLetters(commands: CommandBus, limit: number): Promise<QueueDeadLetters[]> {
  return Promise.all(
    SAGA_QUEUES.map(async (queue) => ({
      queue,
      depth: await commands.depth(queue),
      letters: (await commands.deadLetters(queue, limit)).map(view),
    })),
  );
}

export interface DeadLetterActionDeps {
  commands: CommandBus;
  /** Writes the action's audit event to the orders outbox. */
  recordAudit(message: OutboxMessage): Promise<void>;
  audit: AuditScope;
}

export interface DeadLetterAction {
  queue: Queue;
  messageId: string;
  reason?: string | undefined;
}

function auditRecord(
  action: "replayed" | "discarded",
  input: DeadLetterAction,
  letter: CommandDeadLetter,
): AuditRecord {
  return {
    action: `dead-letter.${action}`,
    target: {
      type: "dead-letter",
      id: input.messageId,
      label: `${input.queue}: ${letter.type ?? "unreadable"}`,
    },
    before: { queue: input.queue, type: letter.type, error: letter.reason, status: "dead" },
    after: action === "replayed" ? { queue: input.queue, type: letter.type, status: "replayed" } : null,
    reason: input.reason,
  };
}

async function settle(
  d: DeadLetterActionDeps,
  input: DeadLetterAction,
  action: "replayed" | "discarded",
): Promise<{ queue: Queue; messageId: string; status: "replayed" | "discarded" }> {
  const letter = (await d.commands.deadLetters(input.queue, 10_000)).find(
    (l) => l.messageId === input.messageId,
  );
  const settled =
    letter !== undefined &&
    (action === "replayed"
      ? await d.commands.replay(input.queue, input.messageId)
      : await d.commands.discard(input.queue, input.messageId));
  if (!letter || !settled)
    throw new NotFoundError(
      `No dead letter ${input.messageId} in ${input.queue}: it was never there, or it was replayed or discarded already (nothing was changed)`,
    );
  await d.recordAudit(auditMessage(d.audit, auditRecord(action, input, letter)));
  return { queue: input.queue, messageId: input.messageId, status: action };
}

export function replayDeadLetter(d: DeadLetterActionDeps, input: DeadLetterAction) {
  return settle(d, input, "replayed");
}

export function discardDeadLetter(d: DeadLetterActionDeps, input: DeadLetterAction) {
  return settle(d, input, "discarded");
}
