// What a failed orders-service call means for the shopper. The service answers with tRPC errors that
// carry data.httpStatus and, for bad input, data.field (e.g. "quantity", "shippingAddress.postalCode");
// its messages start with the field ("quantity: only 3 of … left"), and validation failures list
// every field ("Invalid input: email: …; shippingAddress.postalCode: …").
import { TRPCClientError } from "@trpc/client";
import { tooManyRequestsOf, tooManyMessage } from "@/trpc/too-many-requests";

export type OrdersFailure =
  /** 400: the request was wrong; `fields` maps each named field to what is wrong with it. */
  | { kind: "invalid"; field: string | null; message: string; fields: Record<string, string> }
  /** 404: an expired or unknown cart, or an order this shopper cannot see. */
  | { kind: "not-found"; message: string }
  /** 409: an idempotency key reused for another request, or one still being processed. */
  | { kind: "conflict"; message: string }
  /** 429: too many orders from this connection or attempts with this cart; nothing was changed. */
  | { kind: "limited"; retryAfterSeconds: number | null; message: string }
  /** 503, or no answer at all: the service (or payments behind it) cannot serve this now. */
  | { kind: "unavailable"; message: string }
  /** Anything else: our fault, shown as a plain apology. */
  | { kind: "unexpected"; message: string };

export const UNREACHABLE_MESSAGE =
  "We could not reach our order system just now. Please try again in a moment.";
export const UNEXPECTED_MESSAGE = "Something went wrong on our side. Please try again.";

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null;
}

/** "only 3 left" → "Only 3 left". */
export function sentence(text: string): string {
  const trimmed = text.trim();
  return trimmed.charAt(0).toUpperCase() + trimmed.slice(1);
}

/** Splits a service message into one message per field it names. */
export function fieldMessages(message: string, field: string | null): Record<string, string> {
  const result: Record<string, string> = {};
  const prefix = "Invalid input: ";
  if (message.startsWith(prefix)) {
    for (const part of message.slice(prefix.length).split("; ")) {
      const colon = part.indexOf(": ");
      if (colon <= 0) continue;
      const name = part.slice(0, colon);
      result[name] ??= sentence(part.slice(colon + 2));
    }
    return result;
  }
  if (field) {
    const own = `${field}: `;
    result[field] = sentence(message.startsWith(own) ? message.slice(own.length) : message);
  }
  return result;
}

export function classifyOrdersError(error: unknown): OrdersFailure {
  if (!(error instanceof TRPCClientError)) return { kind: "unexpected", message: UNEXPECTED_MESSAGE };
  const data: unknown = error.data;
  const status = isRecord(data) && typeof data.httpStatus === "number" ? data.httpStatus : null;
  const field = isRecord(data) && typeof data.field === "string" ? data.field : null;
  const message = error.message;
  // Placing an order is the orders service's one limited call (per cart and per address).
  const limited = tooManyRequestsOf(error);
  if (limited)
    return {
      kind: "limited",
      retryAfterSeconds: limited.retryAfterSeconds,
      message: tooManyMessage("place-order", limited.retryAfterSeconds),
    };
  // No status means no tRPC answer: connection refused, a timeout, or a proxy's error page.
  if (status === null || status === 502 || status === 504)
    return { kind: "unavailable", message: UNREACHABLE_MESSAGE };
  if (status === 503) return { kind: "unavailable", message: sentence(message) };
  if (status === 404) return { kind: "not-found", message: sentence(message) };
  if (status === 409) return { kind: "conflict", message: sentence(message) };
  if (status === 400 || status === 422) {
    const fields = fieldMessages(message, field);
    const first = field ?? Object.keys(fields)[0] ?? null;
    return {
      kind: "invalid",
      field: first,
      message: (first && fields[first]) || sentence(message),
      fields,
    };
  }
  return { kind: "unexpected", message: UNEXPECTED_MESSAGE };
}
