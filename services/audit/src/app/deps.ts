// What the use cases work with: the audit log and the service's logger.
import type { Logger } from "@emporium/observability";
import type { AuditLog } from "../ports/audit-log";

export interface AuditDeps {
  auditLog: AuditLog;
  log: Logger;
}
