// Applies the Prisma-format migration folders (prisma/migrations/<timestamp>_<name>/migration.sql) and
// records them in `_prisma_migrations` exactly as `prisma migrate deploy` does (same table, same sha256
// checksums), so either tool can take over from the other. Needs no Prisma engine binary.
import { createHash, randomUUID } from "node:crypto";
import { readFile, readdir } from "node:fs/promises";
import path from "node:path";
import type { Database, SqlSession } from "./client";
import { MIGRATIONS_DIR } from "./paths";

// The advisory lock key `prisma migrate` takes, so this migrator and Prisma's never run at once.
export const PRISMA_MIGRATE_LOCK = 72707369;

export interface MigrationFile {
  name: string;
  sql: string;
  checksum: string;
}

export interface MigrateResult {
  applied: string[];
  alreadyApplied: number;
}

export class MigrationError extends Error {
  override name = "MigrationError";
}

export async function readMigrations(dir = MIGRATIONS_DIR): Promise<MigrationFile[]> {
  const names = (await readdir(dir, { withFileTypes: true }))
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort();
  return Promise.all(
    names.map(async (name) => {
      const sql = await readFile(path.join(dir, name, "migration.sql"), "utf8");
      return { name, sql, checksum: createHash("sha256").update(sql).digest("hex") };
    }),
  );
}

const CREATE_TABLE = `
CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
  "id"                  VARCHAR(36) PRIMARY KEY NOT NULL,
  "checksum"            VARCHAR(64) NOT NULL,
  "finished_at"         TIMESTAMPTZ,
  "migration_name"      VARCHAR(255) NOT NULL,
  "logs"                TEXT,
  "rolled_back_at"      TIMESTAMPTZ,
  "started_at"          TIMESTAMPTZ NOT NULL DEFAULT now(),
  "applied_steps_count" INTEGER NOT NULL DEFAULT 0
)`;

interface AppliedRow extends Record<string, unknown> {
  migration_name: string;
  checksum: string;
  finished_at: Date | null;
  rolled_back_at: Date | null;
}

async function applyPending(
  s: SqlSession,
  migrations: MigrationFile[],
  log: (message: string) => void,
): Promise<MigrateResult> {
  await s.exec(CREATE_TABLE);
  const rows = await s.query<AppliedRow>(
    `SELECT migration_name, checksum, finished_at, rolled_back_at FROM "_prisma_migrations" ORDER BY started_at`,
  );
  // Left by `prisma migrate deploy`, whose scripts are not wrapped in one transaction.
  const failed = rows.find((r) => r.finished_at === null && r.rolled_back_at === null);
  if (failed)
    throw new MigrationError(
      `migration ${failed.migration_name} failed earlier and was not rolled back; repair the database, then run \`prisma migrate resolve --rolled-back ${failed.migration_name}\``,
    );
  const done = new Map(rows.filter((r) => r.finished_at !== null).map((r) => [r.migration_name, r.checksum]));
  const applied: string[] = [];
  for (const m of migrations) {
    const recorded = done.get(m.name);
    if (recorded !== undefined) {
      if (recorded !== m.checksum)
        log(`warning: ${m.name} was edited after it was applied (checksum differs)`);
      continue;
    }
    log(`applying ${m.name}`);
    const id = randomUUID();
    await s.query(`INSERT INTO "_prisma_migrations" (id, checksum, migration_name) VALUES ($1, $2, $3)`, [
      id,
      m.checksum,
      m.name,
    ]);
    try {
      await s.exec(`BEGIN;\n${m.sql}\n;COMMIT;`);
    } catch (err) {
      await s.exec("ROLLBACK").catch(() => undefined);
      const message = err instanceof Error ? err.message : String(err);
      // The script ran in one transaction and was rolled back whole, so the next start may retry it.
      await s.query(`UPDATE "_prisma_migrations" SET logs = $2, rolled_back_at = now() WHERE id = $1`, [
        id,
        message,
      ]);
      throw new MigrationError(`migration ${m.name} failed: ${message}`);
    }
    await s.query(
      `UPDATE "_prisma_migrations" SET finished_at = now(), applied_steps_count = 1 WHERE id = $1`,
      [id],
    );
    applied.push(m.name);
  }
  return { applied, alreadyApplied: done.size };
}

/** Applies every migration not yet recorded, under Prisma's advisory lock. Safe to call concurrently. */
export async function migrate(
  db: Database,
  log: (message: string) => void = () => undefined,
  dir = MIGRATIONS_DIR,
): Promise<MigrateResult> {
  const migrations = await readMigrations(dir);
  return db.withSession(async (s) => {
    // Waiting for another migrator, or building an index on a large table, may take longer than the
    // pool's statement timeout allows; RESET puts the connection's own default back before release.
    await s.exec("SET statement_timeout = 0");
    try {
      await s.query("SELECT pg_advisory_lock($1)", [PRISMA_MIGRATE_LOCK]);
      try {
        return await applyPending(s, migrations, log);
      } finally {
        await s.query("SELECT pg_advisory_unlock($1)", [PRISMA_MIGRATE_LOCK]);
      }
    } finally {
      await s.exec("RESET statement_timeout").catch(() => undefined);
    }
  });
}
