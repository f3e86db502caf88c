// The audit procedures on the embedded store (see procedure-suite.ts).
import { MemoryAuditLog } from "../src/adapters/memory/memory-audit-log";
import { procedureSuite } from "./procedure-suite";

procedureSuite("the embedded store", true, async () => {
  const auditLog = new MemoryAuditLog();
  return { auditLog, dispose: () => auditLog.close() };
});
