// tRPC for the audit service, from the shared service kit: its context (the audit log) on top of what
// every request carries.
import { createServiceTrpc, type ServiceContext } from "@emporium/service-kit";
import type { AuditDeps } from "../app/deps";

export interface AuditContext extends ServiceContext, Omit<AuditDeps, "log"> {}

export const { router, staffProcedure, createCallerFactory } = createServiceTrpc<AuditContext>({
  service: "audit",
  displayName: "The audit service",
});
