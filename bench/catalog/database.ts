// Prepares the benchmark's PostgreSQL database: a dedicated `emporium_bench` database next to the one
// named in the given URL, migrated and seeded once (2,000 products by default) and reused afterwards.
import path from "node:path";
import pg from "pg";
import { migrate, openDatabase } from "@emporium/db";
import { isSeeded, seed } from "@emporium/seed";
import { LocalFolderStore } from "@emporium/storage";
import { progress } from "./stats";

export const BENCH_DATABASE = "emporium_bench";

export function benchDatabaseUrl(adminUrl: string): string {
  const url = new URL(adminUrl);
  url.pathname = `/${BENCH_DATABASE}`;
  return url.toString();
}

export async function prepareBenchDatabase(
  adminUrl: string,
  opts: { products: number; mediaDir: string },
): Promise<string> {
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    const exists = await admin.query("SELECT 1 FROM pg_database WHERE datname = $1", [BENCH_DATABASE]);
    if (exists.rowCount === 0) {
      progress(`creating database ${BENCH_DATABASE}`);
      await admin.query(`CREATE DATABASE ${BENCH_DATABASE}`);
    }
  } finally {
    await admin.end();
  }

  const url = benchDatabaseUrl(adminUrl);
  const db = await openDatabase({ databaseUrl: url });
  try {
    const { applied } = await migrate(db, (msg) => progress(`migrate: ${msg}`));
    progress(applied.length > 0 ? `applied ${applied.length} migration(s)` : "migrations up to date");
    if (await isSeeded(db)) {
      progress(`${BENCH_DATABASE} already seeded — reusing it`);
    } else {
      progress(`seeding ${BENCH_DATABASE} with ${opts.products} products (once; later runs reuse it)`);
      let lastStage = "";
      let lastPct = -1;
      await seed(db, {
        products: opts.products,
        store: new LocalFolderStore(opts.mediaDir),
        onProgress: (done, total, stage) => {
          const pct = total > 0 ? Math.floor((done / total) * 10) * 10 : 100;
          if (stage !== lastStage || pct !== lastPct) {
            progress(`seed ${stage}: ${done}/${total}`);
            lastStage = stage;
            lastPct = pct;
          }
        },
      });
      progress("seed done");
    }
  } finally {
    await db.close();
  }
  return url;
}

/**
 * The environment of catalog processes that serve the bench database (prepared first): the generated
 * shop, no migration or seed at start, media under `dataDir`, warnings only, no Kafka (reads need none).
 */
export async function servingCatalogEnv(
  adminUrl: string,
  opts: { products: number; dataDir: string },
): Promise<NodeJS.ProcessEnv> {
  const mediaDir = path.join(opts.dataDir, "media");
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    EMPORIUM_DATA_DIR: opts.dataDir,
    MEDIA_DIR: mediaDir,
    LOG_LEVEL: "warn",
    MIGRATE_ON_START: "0",
    SEED_ON_START: "0",
    DATABASE_URL: await prepareBenchDatabase(adminUrl, { products: opts.products, mediaDir }),
  };
  delete env.KAFKA_BROKERS;
  return env;
}
