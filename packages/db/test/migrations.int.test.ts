// Migrations and schema.prisma must describe the same database, and the project's migrator must apply
// them as `prisma migrate deploy` would — on PGlite and on a real PostgreSQL.
import { copyFile, mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { migrate, readMigrations, type Database } from "../src";
import { SCHEMA_PATH } from "../src/paths";
import { diffMigrationsToSchema, isEmptyDiff } from "../src/schema-engine";
import { testDatabaseTargets, type TestDatabase } from "../src/testing";

describe("schema.prisma and the migrations", () => {
  it("agree (Prisma's own schema engine finds nothing to migrate)", async () => {
    const diff = await diffMigrationsToSchema();
    expect(
      diff,
      `schema.prisma differs from the migrations; run npm run migration:create -w @emporium/db -- <name>:\n${diff}`,
    ).toSatisfy(isEmptyDiff);
  });

  it("disagree when a column is added to schema.prisma alone", async () => {
    const dir = await mkdtemp(path.join(tmpdir(), "emporium-schema-"));
    try {
      const schemaPath = path.join(dir, "schema.prisma");
      const schema = await readFile(SCHEMA_PATH, "utf8");
      const withColumn = schema.replace(
        /model Brand \{\n/,
        'model Brand {\n  websiteUrl String? @map("website_url")\n',
      );
      expect(withColumn).not.toBe(schema);
      await writeFile(schemaPath, withColumn);
      const diff = await diffMigrationsToSchema({ schemaPath });
      expect(isEmptyDiff(diff)).toBe(false);
      expect(diff).toMatch(/ADD COLUMN\s+"website_url" TEXT/);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe.each(testDatabaseTargets("migrator"))("migrator on $name", (target) => {
  let test: TestDatabase;
  let db: Database;

  beforeAll(async () => {
    test = await target.create(); // creates the database and applies every migration
    db = test.db;
  });
  afterAll(() => test?.dispose());

  it("records each migration as Prisma does, with its sha256 checksum", async () => {
    const files = await readMigrations();
    const rows = await db.sql.query<{
      migration_name: string;
      checksum: string;
      applied_steps_count: number;
    }>(
      `SELECT migration_name, checksum, applied_steps_count FROM "_prisma_migrations"
        WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL ORDER BY migration_name`,
    );
    expect(rows).toEqual(
      files.map((f) => ({ migration_name: f.name, checksum: f.checksum, applied_steps_count: 1 })),
    );
  });

  it("is a no-op the second time, even when two run at once", async () => {
    const results = await Promise.all([migrate(db), migrate(db)]);
    for (const r of results) expect(r.applied).toEqual([]);
  });

  it("rolls a failing migration back whole and lets a fixed one through", async () => {
    const dir = await mkdtemp(path.join(tmpdir(), "emporium-migrations-"));
    try {
      for (const f of await readMigrations()) {
        await mkdir(path.join(dir, f.name));
        await writeFile(path.join(dir, f.name, "migration.sql"), f.sql);
      }
      await copyFile(
        path.join(path.dirname(SCHEMA_PATH), "migrations", "migration_lock.toml"),
        path.join(dir, "migration_lock.toml"),
      );
      const bad = path.join(dir, "29990101000000_broken");
      await mkdir(bad);
      await writeFile(
        path.join(bad, "migration.sql"),
        `CREATE TABLE catalog.half_done (id int);\nALTER TABLE catalog.no_such_table ADD COLUMN x int;\n`,
      );
      await expect(migrate(db, () => undefined, dir)).rejects.toThrow(/29990101000000_broken failed/);
      const leftover = await db.sql.query<{ n: number }>(
        "SELECT count(*)::int AS n FROM information_schema.tables WHERE table_schema = 'catalog' AND table_name = 'half_done'",
      );
      expect(leftover[0]?.n).toBe(0);

      await writeFile(path.join(bad, "migration.sql"), `CREATE TABLE catalog.half_done (id int);\n`);
      const retried = await migrate(db, () => undefined, dir);
      expect(retried.applied).toEqual(["29990101000000_broken"]);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
