// For suites on a real MongoDB: a database of the test's own, under a name no other run uses, and its
// removal afterwards.
import { randomUUID } from "node:crypto";
import { MongoClient } from "mongodb";

/** "audit_test_1a2b3c4d": `prefix` and eight random hex digits. */
export function testDatabaseName(prefix: string): string {
  return `${prefix}_${randomUUID().slice(0, 8)}`;
}

/** Drops `dbName` on the server at `url` (a test's own database, when the test is done). */
export async function dropTestDatabase(url: string, dbName: string): Promise<void> {
  const admin = new MongoClient(url, { serverSelectionTimeoutMS: 2_000 });
  try {
    await admin.db(dbName).dropDatabase();
  } finally {
    await admin.close();
  }
}
