// A typed tRPC client for the audit service, for the admin's Activity page: `activity.list` (staff
// actions newest first, filtered, paged by cursor) and `activity.actions` (the action filter's options).
import { createTRPCClient } from "@trpc/client";
import { serviceLinks, type ServiceClientOptions } from "@emporium/service-kit/client";
import type { AppRouter } from "./api/router/_app";

export type { AppRouter, AuditEntry, RouterInputs, RouterOutputs } from "./api/router/_app";
export { DEFAULT_PAGE_SIZE, PAGE_SIZE_MAX, type ActivityFilter } from "./domain/query";

export type AuditClientOptions = ServiceClientOptions;

/**
 * `headers` gives an Authorization header ("Bearer <service token>" from @emporium/auth's
 * signServiceToken) naming the staff member; every procedure needs `audit.read` (owners).
 */
export function createAuditClient(options: ServiceClientOptions) {
  return createTRPCClient<AppRouter>({ links: serviceLinks(options) });
}

export type AuditClient = ReturnType<typeof createAuditClient>;
