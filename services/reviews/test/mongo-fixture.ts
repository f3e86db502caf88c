// A MongoDB-backed document store on a database of its own, dropped when the test is done.
import { createLogger } from "@emporium/observability";
import { dropTestDatabase, testDatabaseName } from "@emporium/mongo/testing";
import { mongoReviewsStorage } from "../src/adapters/mongo/mongo-storage";
import type { StorageUnderTest } from "./review-storage.contract";

const log = createLogger({ service: "reviews-test", level: process.env.TEST_LOG_LEVEL ?? "silent" });

export async function mongoTestStorage(url: string): Promise<StorageUnderTest> {
  const dbName = testDatabaseName("reviews_test");
  const storage = mongoReviewsStorage({ url, dbName, log });
  return {
    storage,
    async dispose() {
      await storage.close();
      await dropTestDatabase(url, dbName);
    },
  };
}
