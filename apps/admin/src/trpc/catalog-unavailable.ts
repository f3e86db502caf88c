import { TRPCClientError } from "@trpc/client";

/**
 * True when the catalog is starting (503) or cannot be reached at all; the dashboard then says so
 * instead of failing. Other errors are real faults for the error boundary.
 */
export function isCatalogUnavailable(error: unknown): boolean {
  if (!(error instanceof TRPCClientError)) return false;
  const data: unknown = error.data;
  const status =
    typeof data === "object" && data !== null && "httpStatus" in data && typeof data.httpStatus === "number"
      ? data.httpStatus
      : null;
  return status === null || status === 503;
}
