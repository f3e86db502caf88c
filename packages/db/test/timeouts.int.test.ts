// The pool's server-side limits on real PostgreSQL: a statement that runs too long is cancelled, a
// transaction left idle is ended with nothing it wrote kept, and the migrator is exempt from both waits.
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { realServer } from "@emporium/testkit";
import { migrate, openDatabase, type Database } from "../src";
import { PRISMA_MIGRATE_LOCK } from "../src/migrate";
import { createScratchDatabase } from "../src/testing";

const server = realServer("TEST_DATABASE_URL", "connection timeouts on PostgreSQL");
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe.runIf(server.available)("PostgreSQL connection timeouts", () => {
  let scratch: Awaited<ReturnType<typeof createScratchDatabase>>;
  let db: Database;

  beforeAll(async () => {
    scratch = await createScratchDatabase(server.url ?? "");
    db = await openDatabase({
      databaseUrl: scratch.url,
      poolSize: 2,
      statementTimeoutMs: 300,
      idleInTransactionTimeoutMs: 300,
    });
    await db.sql.exec("CREATE TABLE notes (body text NOT NULL)");
  });
  afterAll(async () => {
    await db?.close();
    await scratch?.drop();
  });

  it("cancels a statement that runs past the timeout, on raw SQL and through Prisma, and the pool goes on", async () => {
    await expect(db.sql.query("SELECT pg_sleep(2)")).rejects.toThrow(/statement timeout/);
    await expect(db.prisma.$queryRawUnsafe("SELECT pg_sleep(2)")).rejects.toThrow(/statement timeout/);
    const [row] = await db.sql.query<{ ok: number }>("SELECT 1 AS ok");
    expect(row?.ok).toBe(1);
  });

  // The server ends the connection while it is checked out: the call must fail, not the process (an
  // unhandled 'error' event from the client would fail this run).
  it("ends a transaction left idle past the timeout, and keeps nothing it wrote", async () => {
    await expect(
      db.transaction(async (tx) => {
        await tx.query("INSERT INTO notes (body) VALUES ($1)", ["stalled"]);
        await sleep(1_000);
        await tx.query("INSERT INTO notes (body) VALUES ($1)", ["too late"]);
      }),
    ).rejects.toThrow();
    const rows = await db.sql.query<{ n: number }>("SELECT count(*)::int AS n FROM notes");
    expect(rows[0]?.n).toBe(0);
    await db.transaction((tx) => tx.query("INSERT INTO notes (body) VALUES ($1)", ["kept"]));
    const after = await db.sql.query<{ body: string }>("SELECT body FROM notes");
    expect(after.map((r) => r.body)).toEqual(["kept"]);
  });

  it("lets the migrator wait for another migrator longer than the statement timeout", async () => {
    const other = new pg.Client({ connectionString: scratch.url });
    await other.connect();
    try {
      await other.query("SELECT pg_advisory_lock($1)", [PRISMA_MIGRATE_LOCK]);
      const started = Date.now();
      const migrating = migrate(db);
      await sleep(1_000);
      await other.query("SELECT pg_advisory_unlock($1)", [PRISMA_MIGRATE_LOCK]);
      const result = await migrating;
      expect(Date.now() - started).toBeGreaterThanOrEqual(1_000);
      expect(result.applied.length).toBeGreaterThan(0);
      // The connection went back to the pool with the pool's own limit.
      const settings = await db.sql.query<{ v: string }>("SELECT current_setting('statement_timeout') AS v");
      expect(settings[0]?.v).toBe("300ms");
    } finally {
      await other.end();
    }
  });
});
