// A backend's refusal as a form shows it: the service's message written for a person, and the input
// field it names. Services describe bad input for programs ("Invalid input: password: must be at least
// 10 characters", "amount: at most $3.00 can be refunded …"); a person reads "Password must be at least
// 10 characters." Anything that is not a tRPC answer (a bug) is rethrown, so the error page and the logs
// see it rather than a form; a backend that did not answer or failed inside is shown in the form too
// ("fetch failed", "Internal server error") and logged for the operator.
import { TRPCClientError } from "@trpc/client";
import { backendFault } from "@emporium/runtime/app-logging";
import { serverLog } from "@/server-log";

export interface Refusal {
  /** Written for a person. */
  message: string;
  /** The service's own words, for a form that labels the field its own way. */
  raw: string;
  field?: string;
}

/** "shippingAddress.postalCode" → "Postal code"; "lines.0.quantity" → "Quantity". */
function fieldLabel(path: string): string {
  const last = path.split(".").findLast((part) => !/^\d+$/.test(part)) ?? path;
  const words = last.replace(/([a-z0-9])([A-Z])/g, "$1 $2").toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

const FIELD_PART = /^([A-Za-z][\w.]*): (.+)$/s;

/** One "field: what is wrong" part as a sentence about the field. */
function sentence(part: string): string {
  const match = FIELD_PART.exec(part.trim());
  const text = match?.[1] && match[2] ? `${fieldLabel(match[1])} ${match[2]}` : part.trim();
  const capitalised = text.charAt(0).toUpperCase() + text.slice(1);
  return /[.!?)]$/.test(capitalised) ? capitalised : `${capitalised}.`;
}

/**
 * A service's message as a person reads it. When the form marks `field` itself, the field's name is
 * left out of the text ("At most $3.00 can be refunded …" beside the Amount box).
 */
export function forPeople(message: string, field?: string): string {
  const body = message.replace(/^Invalid input: /, "");
  const parts = body.split(/; (?=[A-Za-z][\w.]*: )/);
  if (field && parts.length === 1 && body.startsWith(`${field}: `))
    return sentence(body.slice(field.length + 2));
  return parts.map(sentence).join(" ");
}

export function refusalOf(error: unknown): Refusal {
  if (!(error instanceof TRPCClientError)) throw error;
  const data: unknown = error.data;
  if (backendFault(error)) {
    const procedure = typeof data === "object" && data !== null ? Reflect.get(data, "path") : undefined;
    serverLog().error(
      { err: error, ...(typeof procedure === "string" ? { procedure } : {}) },
      "a backend did not answer or failed inside; the staff member saw its error",
    );
  }
  const field =
    typeof data === "object" && data !== null && "field" in data && typeof data.field === "string"
      ? data.field
      : undefined;
  return { message: forPeople(error.message, field), raw: error.message, ...(field ? { field } : {}) };
}
