// What the Activity page says when the audit service does not list: nothing answered, or it cannot
// serve now (no answer, 502/503/504: a notice like the other "unavailable" ones); filters it refuses
// (400, e.g. "from" after "to": its own words, naming the filter); a role it refuses (403: the owners-only
// sentence). Anything else — a bug, a 500 — is rethrown for the error page and the logs.
import { TRPCClientError } from "@trpc/client";
import { refusalOf } from "@/trpc/refusal";

export type ActivityRefusal = { kind: "unavailable" } | { kind: "refused"; message: string };

const FILTER_LABELS: Record<string, string> = {
  actor: "Who",
  action: "What",
  targetType: "Target type",
  targetId: "Target id",
  from: "From",
  to: "To",
  cursor: "Paging",
};

/** A number or text the service kit put in a refusal's data under `key`, if any. */
function dataOf(error: TRPCClientError<never>, key: "httpStatus" | "code"): unknown {
  const data: unknown = error.data;
  return typeof data === "object" && data !== null && key in data
    ? (data as Record<string, unknown>)[key]
    : undefined;
}

export function activityRefusal(error: unknown): ActivityRefusal {
  if (!(error instanceof TRPCClientError)) throw error;
  const httpStatus = dataOf(error, "httpStatus");
  if (typeof httpStatus !== "number" || httpStatus === 502 || httpStatus === 503 || httpStatus === 504)
    return { kind: "unavailable" };
  const code = dataOf(error, "code");
  if (code === "FORBIDDEN") return { kind: "refused", message: "Only owners can see the activity log." };
  if (code === "BAD_REQUEST") {
    const { raw: message, field } = refusalOf(error);
    const label = field ? FILTER_LABELS[field] : undefined;
    const words = label && field ? message.replace(new RegExp(`^${field}:\\s*`), "") : message;
    return {
      kind: "refused",
      message: `These filters cannot be used: ${label ? `${label} ${words}` : words}`,
    };
  }
  throw error;
}
