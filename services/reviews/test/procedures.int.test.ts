// The reviews procedures on MongoDB (see procedure-suite.ts).
import { realServer } from "@emporium/testkit";
import { mongoTestStorage } from "./mongo-fixture";
import { procedureSuite } from "./procedure-suite";

const mongo = realServer("TEST_MONGO_URL", "reviews procedures on MongoDB");

procedureSuite("MongoDB", mongo.available, () => mongoTestStorage(mongo.url ?? ""));
