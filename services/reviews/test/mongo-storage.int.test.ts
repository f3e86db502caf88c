// The document-store contract on MongoDB (in CI, mongo-java-server speaking its wire protocol), each test
// on a database of its own that is dropped afterwards.
import { realServer } from "@emporium/testkit";
import { mongoTestStorage } from "./mongo-fixture";
import { reviewStorageContract } from "./review-storage.contract";

const mongo = realServer("TEST_MONGO_URL", "reviews document store on MongoDB");

reviewStorageContract("mongodb", mongo.available, () => mongoTestStorage(mongo.url ?? ""));
