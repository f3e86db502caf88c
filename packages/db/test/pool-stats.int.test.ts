// The pool's occupancy as metrics read it, on real PostgreSQL: connections held by sessions and
// transactions count as in use, Prisma's queries run on the same pool, and once every connection is
// held further callers are counted as waiting until one is released. PGlite has no pool: null.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { realServer, waitFor } from "@emporium/testkit";
import { openDatabase, type Database } from "../src";
import { createScratchDatabase } from "../src/testing";

const server = realServer("TEST_DATABASE_URL", "pool statistics on PostgreSQL");

/** Holds one connection of `db` until the returned release is called. */
async function hold(db: Database): Promise<() => void> {
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  let entered!: () => void;
  const inside = new Promise<void>((resolve) => (entered = resolve));
  void db.withSession(async (session) => {
    await session.query("SELECT 1");
    entered();
    await released;
  });
  await inside;
  return release;
}

describe.runIf(server.available)("Database.poolStats on PostgreSQL", () => {
  let scratch: Awaited<ReturnType<typeof createScratchDatabase>>;
  let db: Database;

  beforeAll(async () => {
    scratch = await createScratchDatabase(server.url ?? "");
    db = await openDatabase({ databaseUrl: scratch.url, poolSize: 2 });
  });
  afterAll(async () => {
    await db?.close();
    await scratch?.drop();
  });

  it("counts held connections as in use and callers beyond the pool as waiting", async () => {
    await db.prisma.$queryRawUnsafe("SELECT 1"); // Prisma opens its connection from the same pool
    expect(db.poolStats()).toEqual({ inUse: 0, idle: 1, waiting: 0, max: 2 });

    const first = await hold(db);
    const second = await hold(db);
    try {
      expect(db.poolStats()).toMatchObject({ inUse: 2, idle: 0, waiting: 0 });
      const queued = Promise.all([db.sql.query("SELECT 1"), db.sql.query("SELECT 2")]);
      await waitFor(() => db.poolStats()?.waiting === 2, { what: "two callers waiting for a connection" });
      first();
      second();
      await queued;
    } finally {
      first();
      second();
    }
    await waitFor(() => db.poolStats()?.inUse === 0, { what: "every connection back in the pool" });
    expect(db.poolStats()).toEqual({ inUse: 0, idle: 2, waiting: 0, max: 2 });
  });
});

describe("Database.poolStats on PGlite", () => {
  it("is null: one embedded connection, no pool", async () => {
    const db = await openDatabase({ inMemory: true });
    try {
      expect(db.poolStats()).toBeNull();
    } finally {
      await db.close();
    }
  });
});
