// Tracing overhead on the catalog's listing (not a test): `npm run catalog:tracing -w @emporium/bench`.
// The catalog's production build, started as its `start` script starts it on PostgreSQL seeded with the
// generated shop (the emporium_bench database of `npm run catalog`), serves `product.list` as the
// storefront's category page asks for it — every category, its first pages, the sorts, a brand, an
// attribute, a price range, in stock, 4★ & up, 24 a page with facets — rotated over by autocannon with
// fixed connections for a fixed time, after one pass over the mix has filled the caches (a catalog that
// has been serving a while answers most listings from its L1 and the response micro-cache). Two arms,
// each a fresh catalog process so one arm's tracer cannot reach the other: tracing off
// (TRACING_EXPORTER=none), and tracing on at 10% sampling exporting to a real Zipkin. Metrics are always
// on; /metrics is scraped every second during the load in both arms, so the scrape's cost is in both.
// Paired rounds alternate which arm goes first; it prints each run and the median of the rounds' on/off
// ratios against issue 16's goal (at most 5% slower), and the same from the catalog's CPU per request.
// Needs PostgreSQL (BENCH_DATABASE_URL, TEST_DATABASE_URL or DATABASE_URL: an admin URL; the bench uses
// a database named emporium_bench next to it, seeded once) and Zipkin (BENCH_ZIPKIN_URL or
// TEST_ZIPKIN_URL). Tuning: BENCH_ROUNDS (3 pairs), BENCH_CONNECTIONS (10), BENCH_DURATION (10 s),
// BENCH_WARMUP (2 s), BENCH_SAMPLE_RATIO (0.1), BENCH_SCRAPE_MS (1000), BENCH_LISTINGS (200 distinct
// listing pages at most), BENCH_PRODUCTS (2000), BENCH_CPU_PROF_DIR (each catalog writes a V8 CPU profile
// there when it stops). The catalog's own variables pass through to both arms
// (e.g. HTTP_CACHE_SECONDS=0 to take the response micro-cache out).
import { availableParallelism } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { createCatalogClient, type CatalogClient, type RouterInputs } from "@emporium/catalog/client";
import { pool } from "@emporium/system-tests";
import { cpuBetween, cpuSnapshot } from "../orders/cpu";
import { servingCatalogEnv } from "./database";
import {
  buildCatalog,
  getOk,
  load,
  loadOptionsFromEnv,
  rotating,
  startCatalog,
  stop,
  trpcPath,
} from "./http";
import { fmt, intFromEnv, percentile, progress } from "./stats";
import {
  pairedRounds,
  printCost,
  tracingEnv,
  tracesInZipkin,
  tracingSettingsFromEnv,
  type Arm,
  type ArmResult,
} from "../shared/tracing-rounds";

type ListInput = RouterInputs["product"]["list"];

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");
const loadOptions = loadOptionsFromEnv();
const rounds = intFromEnv("BENCH_ROUNDS", 3);
const products = intFromEnv("BENCH_PRODUCTS", 2000);
const scrapeMs = intFromEnv("BENCH_SCRAPE_MS", 1000);
const maxListings = intFromEnv("BENCH_LISTINGS", 200);
const tracing = tracingSettingsFromEnv();
const adminUrl =
  process.env.BENCH_DATABASE_URL || process.env.TEST_DATABASE_URL || process.env.DATABASE_URL || undefined;
const dataDir = path.join(repoRoot, ".data", "bench");
/** The storefront's listing page size and its facets (apps/web's toListInput). */
const PAGE = { limit: 24, facets: true } as const;

/**
 * The listing pages shoppers open from category pages, built from the catalog's own answers: for each
 * category with products, its first page, pages 2 and 3, each other sort, its top brand, its first
 * attribute's top value, the lower half of its price range, in stock only, and 4★ & up.
 */
async function listingMix(client: CatalogClient): Promise<ListInput[]> {
  type Node = Awaited<ReturnType<CatalogClient["category"]["tree"]["query"]>>[number];
  const flatten = (nodes: Node[]): Node[] => nodes.flatMap((n) => [n, ...flatten(n.children)]);
  const categories = flatten(await client.category.tree.query()).filter((c) => c.productCount > 0);
  const inputs: ListInput[] = [];
  for (const { path: category } of categories) {
    const first: ListInput = { ...PAGE, category };
    const { total, facets } = await client.product.list.query(first);
    const brand = facets?.brands[0];
    const attribute = facets?.attributes[0];
    const value = attribute?.values[0];
    const price = facets?.price;
    inputs.push(
      first,
      ...[2, 3].filter((page) => total > (page - 1) * PAGE.limit).map((page) => ({ ...first, page })),
      ...(["price_asc", "price_desc", "rating"] as const).map((sort) => ({ ...first, sort })),
      ...(brand ? [{ ...first, brands: [brand.slug] }] : []),
      ...(attribute && value ? [{ ...first, attributes: { [attribute.slug]: [value.slug] } }] : []),
      ...(price && price.max > price.min
        ? [{ ...first, priceMin: price.min, priceMax: Math.round((price.min + price.max) / 2) }]
        : []),
      ...(facets && facets.inStock > 0 ? [{ ...first, inStock: true }] : []),
      { ...first, minRating: 4 },
    );
  }
  if (inputs.length === 0) throw new Error("the catalog lists no category with products — is it seeded?");
  // Evenly spread over the categories when there are more than BENCH_LISTINGS.
  const step = Math.max(1, inputs.length / maxListings);
  return Array.from(
    { length: Math.min(maxListings, inputs.length) },
    (_, i) => inputs[Math.floor(i * step)],
  ).filter((input): input is ListInput => input !== undefined);
}

/** Scrapes `url` every `everyMs` (one at a time, as Prometheus does) until stopped. */
function scrapeEvery(
  url: string,
  everyMs: number,
): { stop: () => Promise<{ ms: number[]; failed: number }> } {
  const ms: number[] = [];
  let failed = 0;
  let inFlight: Promise<void> = Promise.resolve();
  const scrape = async () => {
    const started = performance.now();
    try {
      const res = await fetch(url);
      await res.text();
      if (res.ok) ms.push(performance.now() - started);
      else failed++;
    } catch {
      failed++;
    }
  };
  const timer = setInterval(() => {
    inFlight = inFlight.then(scrape);
  }, everyMs);
  return {
    async stop() {
      clearInterval(timer);
      await inFlight;
      return { ms: ms.sort((a, b) => a - b), failed };
    },
  };
}

/**
 * Every page of the mix once, as many at a time as the load's connections, so the measured load finds
 * the caches as a catalog that has been serving for a while has them; a page that fails stops the run.
 */
async function prime(base: string, paths: readonly string[]): Promise<void> {
  const answers = await pool(paths.length, loadOptions.connections, (i) => getOk(base, paths[i] ?? "/"));
  const failed = answers.find((a): a is Error => a instanceof Error);
  if (failed) throw failed;
}

async function main(): Promise<void> {
  if (!adminUrl) throw new Error("set BENCH_DATABASE_URL, TEST_DATABASE_URL or DATABASE_URL (PostgreSQL)");
  buildCatalog(repoRoot);
  console.log(
    `Emporium tracing overhead on the catalog's product.list — node ${process.version}, ${availableParallelism()} cores; ` +
      `${loadOptions.connections} connections, ${loadOptions.warmupSeconds} s warm-up + ${loadOptions.durationSeconds} s a run, ` +
      `${rounds} paired rounds, sampling ${tracing.ratio * 100}% into Zipkin at ${tracing.zipkin}, /metrics scraped every ${scrapeMs} ms in both arms`,
  );
  const env = await servingCatalogEnv(adminUrl, { products, dataDir });
  // Nothing but the arm decides tracing.
  for (const name of ["TRACING_EXPORTER", "TRACING_ENDPOINT", "TRACING_SAMPLE_RATIO"]) delete env[name];
  const start = (arm: Arm) =>
    startCatalog({ repoRoot, env: { ...env, ...tracingEnv(arm, tracing) }, readyTimeoutMs: 5 * 60_000 });

  progress("reading the categories and their facets to build the listing mix");
  const probe = await startCatalog({ repoRoot, env, readyTimeoutMs: 5 * 60_000 });
  let paths: string[];
  try {
    const mix = await listingMix(createCatalogClient({ url: `${probe.base}/trpc` }));
    paths = mix.map((input) => trpcPath("product.list", input));
    await prime(probe.base, paths);
  } finally {
    await stop(probe.child);
  }
  console.log(`listing mix: ${paths.length} distinct product.list pages, sent in turn`);

  const tracesPerRound: number[] = [];
  const pairs = await pairedRounds(rounds, "req/s", async (arm, round): Promise<ArmResult> => {
    progress(`round ${round}, tracing ${arm}: starting a fresh catalog`);
    const started = Date.now();
    const catalog = await start(arm);
    let result: ArmResult;
    try {
      progress(`round ${round}, tracing ${arm}: one pass over the mix to fill the caches`);
      await prime(catalog.base, paths);
      const scraper = scrapeEvery(`${catalog.base}/metrics`, scrapeMs);
      const mix = rotating(paths);
      const named = new Map([[catalog.child.pid ?? -1, "catalog"]]);
      const before = cpuSnapshot(named);
      const figures = await load(`tracing ${arm}`, catalog.base, loadOptions, mix.options);
      const cpuSeconds = cpuBetween(before, cpuSnapshot(named)).get("catalog") ?? 0;
      const scrapes = await scraper.stop();
      progress(
        `round ${round}, tracing ${arm}: ${scrapes.ms.length} scrapes of /metrics (p99 ${fmt(percentile(scrapes.ms, 99), 1)} ms), ${scrapes.failed} failed`,
      );
      result = {
        perSecond: figures.perSecond,
        p99Ms: figures.p99Ms,
        errors: figures.errors + scrapes.failed,
        // Over the warm-up and the measured load: every request autocannon sent.
        cpuMsPerOp: (cpuSeconds * 1000) / Math.max(1, mix.sent()),
      };
    } finally {
      // Stopping flushes the spans still buffered.
      await stop(catalog.child);
    }
    if (arm === "on") {
      const traces = await tracesInZipkin(tracing, "catalog", started);
      tracesPerRound.push(traces);
      progress(`round ${round}, tracing on: Zipkin holds ${traces} catalog traces from this run`);
    }
    return result;
  });
  console.log("(autocannon records latency in whole milliseconds)");
  console.log(`catalog traces in Zipkin from each "on" run: ${tracesPerRound.join(", ")}`);
  const silent = tracesPerRound.filter((n) => n === 0).length;
  printCost(
    "product.list",
    "req/s",
    tracing.ratio,
    pairs,
    silent > 0 ? `${silent} "on" run(s) sent no trace to Zipkin: a tracer that records nothing` : undefined,
  );
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? (err.stack ?? err.message) : err);
  process.exit(1);
});
