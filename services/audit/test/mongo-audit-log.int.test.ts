// The audit log contract on MongoDB (in CI, mongo-java-server speaking its wire protocol), each test on
// a database of its own that is dropped afterwards.
import { realServer } from "@emporium/testkit";
import { auditLogContract } from "./audit-log.contract";
import { mongoTestAuditLog } from "./mongo-fixture";

const mongo = realServer("TEST_MONGO_URL", "audit log on MongoDB");

auditLogContract("mongodb", mongo.available, () => mongoTestAuditLog(mongo.url ?? ""));
