// A MongoDB-backed audit log on a database of its own, dropped when the test is done.
import { dropTestDatabase, testDatabaseName } from "@emporium/mongo/testing";
import { MongoAuditLog } from "../src/adapters/mongo/mongo-audit-log";
import type { AuditLogUnderTest } from "./audit-log.contract";
import { log } from "./fixture";

export async function mongoTestAuditLog(url: string): Promise<AuditLogUnderTest> {
  const dbName = testDatabaseName("audit_test");
  const auditLog = new MongoAuditLog({ url, dbName, log });
  return {
    auditLog,
    async dispose() {
      await auditLog.close();
      await dropTestDatabase(url, dbName);
    },
  };
}
