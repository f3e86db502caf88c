// Services never migrate the database themselves (the migration Job or the catalog does): they wait
// until their schema is there before taking work, and report not-ready while it is missing.
import type { Database } from "@emporium/db";
import type { Logger } from "@emporium/observability";
import type { ReadinessCheck } from "./ops-server";

/** Resolves once `table` (e.g. "inventory.outbox") exists; throws after the deadline. */
export async function waitForSchema(
  db: Database,
  table: string,
  log: Logger,
  timeoutMs = 300_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let announced = false;
  for (;;) {
    try {
      const [row] = await db.sql.query<{ ok: boolean }>("SELECT to_regclass($1) IS NOT NULL AS ok", [table]);
      if (row?.ok) return;
    } catch (err) {
      if (Date.now() > deadline) throw err;
    }
    if (Date.now() > deadline)
      throw new Error(`${table} still missing after ${timeoutMs / 1000} s: have the migrations run?`);
    if (!announced)
      log.warn({ table }, "waiting for the database migrations to create this service's schema");
    announced = true;
    await new Promise((resolve) => setTimeout(resolve, 2_000));
  }
}

/** Readiness: the database answers and this service's schema is in it. */
export function schemaCheck(db: Database, table: string): ReadinessCheck {
  return { name: "database", check: async () => void (await db.sql.query(`SELECT 1 FROM ${table} LIMIT 0`)) };
}
