// What an operator sees of a dead command: its id and type (from the broker's properties, else the
// envelope in the body), and the body parsed with secrets redacted — never the raw bytes.
import { createHash, randomUUID } from "node:crypto";
import { scrubText, scrubValue } from "@emporium/observability";
import type { CommandDeadLetter } from "./ports";

/** The longest unreadable body shown (as text) to an operator. */
const TEXT_SHOWN = 2_000;

function parsed(body: Buffer): unknown {
  try {
    return JSON.parse(body.toString("utf8")) as unknown;
  } catch {
    return undefined;
  }
}

function field(value: unknown, key: string): string | null {
  if (value === null || typeof value !== "object") return null;
  const v = (value as Record<string, unknown>)[key];
  return typeof v === "string" && v.length > 0 ? v : null;
}

/**
 * The id a command is known by: its envelope's, or for bytes that are no envelope a fresh one (given
 * when it is sent, so two identical unreadable messages stay two).
 */
export function commandIdOf(body: Buffer): string {
  return field(parsed(body), "id") ?? randomUUID();
}

export interface DeadLetterFacts {
  source: string;
  reason: string;
  messageId?: string | null | undefined;
  type?: string | null | undefined;
  attempts?: number | null | undefined;
  deadAt?: string | null | undefined;
}

export function commandDeadLetter(body: Buffer, facts: DeadLetterFacts): CommandDeadLetter {
  const json = parsed(body);
  const text = body.toString("utf8");
  return {
    source: facts.source,
    reason: scrubText(facts.reason),
    body: text,
    // A message from before ids were given out: its digest, stable for as long as it is kept.
    messageId:
      facts.messageId || field(json, "id") || createHash("sha256").update(body).digest("hex").slice(0, 32),
    type: facts.type || field(json, "type"),
    attempts: facts.attempts ?? null,
    deadAt: facts.deadAt ?? null,
    payload: json === undefined ? scrubText(text.slice(0, TEXT_SHOWN)) : scrubValue(json),
  };
}
