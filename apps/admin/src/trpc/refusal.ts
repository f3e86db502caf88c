// A backend's refusal as a form shows it: the catalog's message ("slug: … is already used") and the
// input field it names. Anything that is not a tRPC answer (a bug, a network failure) is rethrown, so
// the error page and the logs see it rather than a form.
import { TRPCClientError } from "@trpc/client";

export interface Refusal {
  message: string;
  field?: string;
}

export function refusalOf(error: unknown): Refusal {
  if (!(error instanceof TRPCClientError)) throw error;
  const data: unknown = error.data;
  const field =
    typeof data === "object" && data !== null && "field" in data && typeof data.field === "string"
      ? data.field
      : undefined;
  return { message: error.message, ...(field ? { field } : {}) };
}
