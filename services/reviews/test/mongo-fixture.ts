// A MongoDB-backed document store on a database of its own, dropped when the test is done.
import { randomUUID } from "node:crypto";
import { MongoClient } from "mongodb";
import { createLogger } from "@emporium/observability";
import { mongoReviewsStorage } from "../src/adapters/mongo/mongo-storage";
import type { StorageUnderTest } from "./review-storage.contract";

const log = createLogger({ service: "reviews-test", level: process.env.TEST_LOG_LEVEL ?? "silent" });

export async function mongoTestStorage(url: string): Promise<StorageUnderTest> {
  const dbName = `reviews_test_${randomUUID().slice(0, 8)}`;
  const storage = mongoReviewsStorage({ url, dbName, log });
  return {
    storage,
    async dispose() {
      await storage.close();
      const admin = new MongoClient(url, { serverSelectionTimeoutMS: 2_000 });
      try {
        await admin.db(dbName).dropDatabase();
      } finally {
        await admin.close();
      }
    },
  };
}
