// Stripe-style idempotency: a key is remembered per endpoint together with the request it came with
// and the answer it got. The same key with the same request replays that answer without doing
// anything again; the same key with a different request is refused, naming what differs. Answers of
// 5xx are not remembered, so a retry after a server error really runs again.

import { BoundedMap } from "./bounded-map";

export interface StoredResponse {
  status: number;
  body: unknown;
}

interface Entry {
  request: Record<string, unknown>;
  response: StoredResponse;
}

export type Lookup =
  | { kind: "new" }
  | { kind: "replay"; response: StoredResponse }
  | { kind: "mismatch"; field: string; message: string };

function show(value: unknown): string {
  return value === undefined ? "absent" : JSON.stringify(value);
}

/** The first field whose value differs between two requests, or null when they are the same. */
export function firstDifference(a: Record<string, unknown>, b: Record<string, unknown>): string | null {
  const fields = [...new Set([...Object.keys(a), ...Object.keys(b)])].sort();
  return fields.find((f) => JSON.stringify(a[f]) !== JSON.stringify(b[f])) ?? null;
}

export class IdempotencyStore {
  private readonly entries: BoundedMap<string, Entry>;

  constructor(capacity: number) {
    this.entries = new BoundedMap(capacity);
  }

  lookup(endpoint: string, key: string, request: Record<string, unknown>): Lookup {
    const entry = this.entries.get(`${endpoint} ${key}`);
    if (!entry) return { kind: "new" };
    const field = firstDifference(entry.request, request);
    if (field === null) return { kind: "replay", response: entry.response };
    // Payment tokens are not echoed back: the message may end up in logs and shoppers' screens.
    const change =
      field === "token"
        ? "token differs"
        : `${field} was ${show(entry.request[field])}, now ${show(request[field])}`;
    return {
      kind: "mismatch",
      field,
      message: `Idempotency-Key "${key}" was first used with a different request to ${endpoint}: ${change}`,
    };
  }

  remember(endpoint: string, key: string, request: Record<string, unknown>, response: StoredResponse): void {
    if (response.status >= 500) return;
    this.entries.set(`${endpoint} ${key}`, { request, response });
  }

  clear(): void {
    this.entries.clear();
  }
}
