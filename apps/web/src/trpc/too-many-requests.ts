// A backend's refusal for too many attempts (HTTP 429, tRPC TOO_MANY_REQUESTS) in words for people,
// with when to try again. Every backend sends the wait as data.retryAfterSeconds (and in its message,
// "…; try again in 14 minutes"); the shopper's wording is chosen here by what they were doing, so every
// page says it the same way. Pure and free of server code: the forms in the browser use it too.
import { TRPCClientError } from "@trpc/client";
import { whenToRetry } from "@emporium/ui/wait";

/** What the shopper was doing when a limit refused them. */
export type LimitedAction = "sign-in" | "sign-up" | "place-order" | "search";

export interface TooManyRequests {
  /** Seconds until the limit lets the shopper try again; null when the answer did not say. */
  retryAfterSeconds: number | null;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null;
}

const UNIT_SECONDS: Record<string, number> = { second: 1, minute: 60, hour: 3600 };

/** The wait a backend's message names ("…; try again in 14 minutes"), for an answer without the number. */
function waitInMessage(message: string): number | null {
  const match = /try again in (\d{1,6}) (second|minute|hour)s?\b/.exec(message);
  if (!match?.[1] || !match[2]) return null;
  return Number(match[1]) * (UNIT_SECONDS[match[2]] ?? 1);
}

/** The refusal's wait when `error` is a 429 from a backend, else null. */
export function tooManyRequestsOf(error: unknown): TooManyRequests | null {
  if (!(error instanceof TRPCClientError)) return null;
  const data: unknown = error.data;
  if (!isRecord(data) || (data.code !== "TOO_MANY_REQUESTS" && data.httpStatus !== 429)) return null;
  const seconds = data.retryAfterSeconds;
  if (typeof seconds === "number" && Number.isFinite(seconds) && seconds > 0)
    return { retryAfterSeconds: seconds };
  return { retryAfterSeconds: waitInMessage(error.message) };
}

/** What to tell the shopper whom a limit refused while doing `action`. */
export function tooManyMessage(action: LimitedAction, retryAfterSeconds: number | null): string {
  const when = whenToRetry(retryAfterSeconds);
  switch (action) {
    case "sign-in":
      return `Too many sign-in attempts. Please try again ${when}.`;
    case "sign-up":
      return `Too many attempts to open an account with this email. Please try again ${when}.`;
    case "place-order":
      return `Too many attempts to place an order just now. Please try again ${when}.`;
    case "search":
      return `Too many searches from your connection — try again ${when}.`;
  }
}

/** The message for people when `error` is a 429 refusal of `action`, else null. */
export function tooManyMessageOf(action: LimitedAction, error: unknown): string | null {
  const limited = tooManyRequestsOf(error);
  return limited ? tooManyMessage(action, limited.retryAfterSeconds) : null;
}
