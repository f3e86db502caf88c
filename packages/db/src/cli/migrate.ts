// `npm run migrate -w @emporium/db`: applies pending migrations to DATABASE_URL or the embedded database.
import { openDatabase } from "../client";
import { migrate } from "../migrate";
import { loadCliEnv } from "./env";

const env = loadCliEnv();
const db = await openDatabase({ databaseUrl: env.databaseUrl, dataDir: env.dataDir });
try {
  console.log(`migrating ${db.description}`);
  const result = await migrate(db, (m) => console.log(m));
  console.log(
    result.applied.length > 0
      ? `applied ${result.applied.length} migration(s)`
      : `up to date (${result.alreadyApplied} migration(s) applied earlier)`,
  );
} catch (err) {
  console.error(err instanceof Error ? err.message : err);
  process.exitCode = 1;
} finally {
  await db.close();
}
