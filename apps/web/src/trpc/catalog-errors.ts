// What a failed catalog call means for the page: a missing thing (404 page), a filter the catalog no
// longer knows (friendly message), too many searches from the shopper's connection (a message with the
// wait), or a catalog that is starting or unreachable ("warming up" page). Anything else is a real
// fault and goes to the error boundary.
import { TRPCClientError } from "@trpc/client";
import { tooManyMessage, tooManyRequestsOf } from "./too-many-requests";

export type CatalogFailure =
  | { kind: "not-found"; message: string }
  | { kind: "bad-request"; message: string; field: string | null }
  /** 429: searches are limited per address; `message` is for the shopper and says when to try again. */
  | { kind: "too-many"; message: string; retryAfterSeconds: number | null }
  | { kind: "unavailable"; message: string };

export type CatalogResult<T> = { ok: true; data: T } | { ok: false; failure: CatalogFailure };

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null;
}

export function classifyCatalogError(error: unknown): CatalogFailure | null {
  if (!(error instanceof TRPCClientError)) return null;
  const data: unknown = error.data;
  const status = isRecord(data) && typeof data.httpStatus === "number" ? data.httpStatus : null;
  const field = isRecord(data) && typeof data.field === "string" ? data.field : null;
  const limited = tooManyRequestsOf(error);
  if (limited)
    return {
      kind: "too-many",
      message: tooManyMessage("search", limited.retryAfterSeconds),
      retryAfterSeconds: limited.retryAfterSeconds,
    };
  if (status === 404) return { kind: "not-found", message: error.message };
  if (status === 400) return { kind: "bad-request", message: error.message, field };
  // No status at all means no tRPC answer: connection refused, timeout, or a proxy's error page.
  if (status === 503 || status === 502 || status === 504 || status === null)
    return { kind: "unavailable", message: error.message };
  return null;
}

/** Runs a catalog call and returns expected failures as values; unexpected ones are rethrown. */
export async function attempt<T>(call: Promise<T>): Promise<CatalogResult<T>> {
  try {
    return { ok: true, data: await call };
  } catch (error) {
    const failure = classifyCatalogError(error);
    if (!failure) throw error;
    return { ok: false, failure };
  }
}
