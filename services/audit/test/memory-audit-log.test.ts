// The audit log contract on the embedded store `npm run dev` uses.
import { MemoryAuditLog } from "../src/adapters/memory/memory-audit-log";
import { auditLogContract } from "./audit-log.contract";

auditLogContract("memory", true, async () => ({
  auditLog: new MemoryAuditLog(),
  dispose: async () => undefined,
}));
