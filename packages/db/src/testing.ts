// Test databases for "one suite, two adapters": every SQL suite runs against the embedded PGlite (in
// memory) and, when TEST_DATABASE_URL names a PostgreSQL server, against a fresh database created on it
// for that suite and dropped afterwards. A missing server is decided here once — the target is left out
// (realServer prints the skip line CI looks for, or fails the run under REQUIRE_REAL_SERVERS) — so suites
// write plain `it(...)` with no availability checks of their own.
import { randomBytes } from "node:crypto";
import pg from "pg";
import { realServer } from "@emporium/testkit";
import { openDatabase, type Database, type DatabaseKind } from "./client";
import { migrate } from "./migrate";

export interface TestDatabaseTarget {
  name: DatabaseKind;
  /** Creates an empty database, applies the migrations and returns it with a disposer. */
  create(): Promise<TestDatabase>;
}

export interface TestDatabase {
  db: Database;
  /** The PostgreSQL URL of the fresh database (undefined for PGlite). */
  url: string | undefined;
  dispose(): Promise<void>;
}

/** A new, empty database on the server named by `adminUrl`; returns its URL and a dropper. */
export async function createScratchDatabase(
  adminUrl: string,
  prefix = "emporium_test",
): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `${prefix}_${randomBytes(5).toString("hex")}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${pg.escapeIdentifier(name)}`);
  } finally {
    await admin.end();
  }
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
      const c = new pg.Client({ connectionString: adminUrl });
      await c.connect();
      try {
        await c.query(`DROP DATABASE IF EXISTS ${pg.escapeIdentifier(name)} WITH (FORCE)`);
      } finally {
        await c.end();
      }
    },
  };
}

/** The embedded database alone, for suites that test something other than SQL (an HTTP layer, say). */
export function embeddedTestDatabase(): TestDatabaseTarget {
  return {
    name: "pglite",
    async create() {
      const db = await openDatabase({ inMemory: true });
      await migrate(db);
      return { db, url: undefined, dispose: () => db.close() };
    },
  };
}

/**
 * The databases a SQL suite runs against: PGlite always, PostgreSQL when TEST_DATABASE_URL is set. Call
 * at module level (collection time) so a missing server is reported, or fails the run when required.
 */
export function testDatabaseTargets(suite: string): TestDatabaseTarget[] {
  const serverUrl = realServer("TEST_DATABASE_URL", `${suite} on PostgreSQL`).url;
  if (!serverUrl) return [embeddedTestDatabase()];
  return [
    embeddedTestDatabase(),
    {
      name: "postgres",
      async create() {
        const scratch = await createScratchDatabase(serverUrl);
        const db = await openDatabase({ databaseUrl: scratch.url, poolSize: 8 });
        await migrate(db);
        return {
          db,
          url: scratch.url,
          async dispose() {
            await db.close();
            await scratch.drop();
          },
        };
      },
    },
  ];
}

/** PostgreSQL backends of this database whose last statement was LISTEN on `channel` (their pids). */
export async function listeningBackends(db: Database, channel: string): Promise<number[]> {
  const rows = await db.sql.query<{ pid: number }>(
    `SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND query = $1`,
    [`LISTEN ${pg.escapeIdentifier(channel)}`],
  );
  return rows.map((r) => r.pid);
}
