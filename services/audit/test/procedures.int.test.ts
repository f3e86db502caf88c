// The audit procedures on MongoDB (see procedure-suite.ts).
import { realServer } from "@emporium/testkit";
import { mongoTestAuditLog } from "./mongo-fixture";
import { procedureSuite } from "./procedure-suite";

const mongo = realServer("TEST_MONGO_URL", "audit procedures on MongoDB");

procedureSuite("MongoDB", mongo.available, () => mongoTestAuditLog(mongo.url ?? ""));
