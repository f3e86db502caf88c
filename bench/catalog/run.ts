// Catalog benchmark (not a test): `npm run catalog -w @emporium/bench`.
//   (a) warm product.list through the catalog's HTTP server vs a bare node:http server returning the
//       same bytes (autocannon, same connections and duration), plus the catalog's peak RSS;
//   (b) the listing query through Prisma vs raw `pg` with the same SQL text and parameters.
// Database: BENCH_DATABASE_URL or DATABASE_URL (an admin URL; the bench creates and reuses a database
// named emporium_bench next to it). Without one, (a) runs on PGlite under .data/bench and (b) is not run.
// Tuning: BENCH_CONNECTIONS (10), BENCH_DURATION (10 s), BENCH_WARMUP (2 s), BENCH_PRODUCTS (2000).
import path from "node:path";
import { fileURLToPath } from "node:url";
import pg from "pg";
import { openDatabase } from "@emporium/db";
import { prepareBenchDatabase } from "./database";
import { benchHttp, buildCatalog, type HttpResult } from "./http";
import { listingQuery } from "./listing";
import { measureQuery } from "./sql";
import { fmt, intFromEnv, printTable, progress, verdict, type Figures } from "./stats";

const GOAL_HTTP_RATIO = 0.35;
const GOAL_SQL_RATIO = 0.7;
const GOAL_RSS_MIB = 150;

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");
const connections = intFromEnv("BENCH_CONNECTIONS", 10);
const durationSeconds = intFromEnv("BENCH_DURATION", 10);
const warmupSeconds = intFromEnv("BENCH_WARMUP", 2);
const products = intFromEnv("BENCH_PRODUCTS", 2000);
const adminUrl = process.env.BENCH_DATABASE_URL || process.env.DATABASE_URL || undefined;
const dataDir = path.join(repoRoot, ".data", "bench");
const mediaDir = path.join(dataDir, "media");
const listInput = { limit: 24 };

async function main(): Promise<void> {
  buildCatalog(repoRoot);
  const cores = (await import("node:os")).availableParallelism();
  console.log(`Emporium catalog benchmark — node ${process.version}, ${cores} cores`);
  console.log(
    `database: ${adminUrl ? "PostgreSQL (database emporium_bench)" : "PGlite under .data/bench (set BENCH_DATABASE_URL for PostgreSQL)"}; ` +
      `${products} products; load: ${connections} connections/loops, ${warmupSeconds}s warm-up + ${durationSeconds}s measured`,
  );

  const childEnv: NodeJS.ProcessEnv = {
    ...process.env,
    EMPORIUM_DATA_DIR: dataDir,
    MEDIA_DIR: mediaDir,
    LOG_LEVEL: "warn",
    SEED_PRODUCTS: String(products),
  };
  delete childEnv.DATABASE_URL;
  let benchUrl: string | undefined;
  if (adminUrl) {
    benchUrl = await prepareBenchDatabase(adminUrl, { products, mediaDir });
    childEnv.DATABASE_URL = benchUrl;
  } else {
    progress(
      "no BENCH_DATABASE_URL/DATABASE_URL: the catalog will migrate and seed its PGlite on first start",
    );
  }

  const http: HttpResult = await benchHttp({
    repoRoot,
    env: childEnv,
    listInput,
    load: { connections, warmupSeconds, durationSeconds },
    readyTimeoutMs: 20 * 60_000,
    seedRunFirst: !benchUrl,
  });

  let sqlRows: Figures[] | null = null;
  if (benchUrl) {
    const db = await openDatabase({ databaseUrl: benchUrl });
    const pool = new pg.Pool({ connectionString: benchUrl, max: connections });
    try {
      const query = listingQuery(repoRoot, listInput);
      const viaPrisma = await db.prisma.$queryRawUnsafe<unknown[]>(query.text, ...query.values);
      const viaPg = await pool.query(query.text, query.values);
      if (viaPrisma.length !== viaPg.rowCount)
        throw new Error(`Prisma returned ${viaPrisma.length} rows, pg ${viaPg.rowCount}`);
      progress(
        `listing SQL returns ${viaPg.rowCount} rows (${query.values.length} parameters) through both clients`,
      );
      const opts = { concurrency: connections, warmupSeconds, durationSeconds };
      const prismaFigures = await measureQuery(
        "Prisma $queryRawUnsafe (catalog SQL)",
        () => db.prisma.$queryRawUnsafe(query.text, ...query.values),
        opts,
      );
      const pgFigures = await measureQuery(
        "raw pg, same SQL + params",
        () => pool.query(query.text, query.values),
        opts,
      );
      sqlRows = [prismaFigures, pgFigures];
    } finally {
      await pool.end();
      await db.close();
    }
  }

  printTable(
    `(a) product.list ${JSON.stringify(listInput)} over HTTP — ${http.responseBytes} bytes, ${http.itemCount} items per response`,
    [http.catalog, http.bare],
    "req",
  );
  console.log("(autocannon records latency in whole milliseconds)");
  const httpRatio = http.catalog.perSecond / http.bare.perSecond;
  console.log(
    `ratio catalog / bare: ${fmt(httpRatio, 2)}×  (goal ≥ ${GOAL_HTTP_RATIO}×: ${verdict(httpRatio >= GOAL_HTTP_RATIO)})`,
  );
  const rss = http.catalogPeakRssMiB;
  console.log(
    `catalog peak RSS (VmHWM): ${rss === null ? "n/a (no /proc)" : `${fmt(rss, 1)} MiB`}` +
      (rss === null ? "" : `  (goal ≤ ${GOAL_RSS_MIB} MB: ${verdict(rss * 1.048576 <= GOAL_RSS_MIB)})`) +
      (http.catalogRssBeforeLoadMiB === null
        ? ""
        : `; RSS before load ${fmt(http.catalogRssBeforeLoadMiB, 1)} MiB`),
  );

  if (sqlRows) {
    const [viaPrisma, viaPg] = sqlRows;
    printTable("(b) listing query straight from PostgreSQL", sqlRows, "query");
    if (viaPrisma && viaPg) {
      const sqlRatio = viaPrisma.perSecond / viaPg.perSecond;
      console.log(
        `ratio Prisma / pg: ${fmt(sqlRatio, 2)}×  (goal ≥ ${GOAL_SQL_RATIO}×: ${verdict(sqlRatio >= GOAL_SQL_RATIO)})`,
      );
    }
  } else {
    console.log(
      "\n(b) not run: it needs PostgreSQL — set BENCH_DATABASE_URL (e.g. postgresql://postgres@127.0.0.1:5432/postgres)",
    );
  }
  const failures = [http.catalog, http.bare, ...(sqlRows ?? [])].filter((r) => r.errors > 0);
  for (const f of failures) console.log(`warning: ${f.label} had ${f.errors} errors/non-2xx responses`);
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? (err.stack ?? err.message) : err);
  process.exit(1);
});
