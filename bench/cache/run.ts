// Cache benchmark (not a test): `npm run cache -w @emporium/bench`. The catalog's read cache — L1 in each
// process, L2 in Memcached, versions in Redis — against baselines measured in the same run:
//  (1) product.bySlug rotating over 50 products, and product.list over a few listing pages, with the
//      catalog in CACHE_MODE=shared (answers from L2 Memcached) vs CACHE_MODE=off (straight to
//      PostgreSQL), HTTP micro-cache off in both: req/s and p99 (autocannon, same connections and
//      duration), goal L2/off ≥ 5× req/s; the default two-level mode for reference, and each mode's
//      Memcached and Redis ops per request under that load;
//  (2) a price change made through replica A's admin API: time until replicas A and B both serve it
//      (30 changes, both polled every 5 ms), goal p99 ≤ 1 s — with the HTTP micro-cache off, then on
//      (its default, as deployed); needs PostgreSQL (PGlite holds one process);
//  (3) Memcached and Redis round trips per request on a warm page, goal ≤ 1 each: (a) a page warm in
//      this replica, (b) a page warm in L2 but new to this replica (a second replica's first request);
//  (4) each catalog process's peak RSS (VmHWM), goal ≤ 150 MB.
// Memcached and Redis are dedicated instances the bench starts on free ports and stops at the end, so
// their counters hold the catalog's traffic only; the bench's own reading of them is measured and
// subtracted. Database as in bench/catalog: BENCH_DATABASE_URL or DATABASE_URL (an admin URL; the bench
// uses a database named emporium_bench next to it), else PGlite under .data/bench.
// Tuning: BENCH_CONNECTIONS (10), BENCH_DURATION (10 s), BENCH_WARMUP (2 s), BENCH_PRODUCTS (2000).
import { randomBytes } from "node:crypto";
import { availableParallelism } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { ChildProcess } from "node:child_process";
import { signServiceToken, tokenKey, type SignedPrincipal } from "@emporium/auth";
import { createCatalogClient, type CatalogClient } from "@emporium/catalog/client";
import { prepareBenchDatabase } from "../catalog/database";
import {
  buildCatalog,
  getOk,
  load,
  loadOptionsFromEnv,
  rotating,
  startCatalog,
  stop,
  trpcPath,
} from "../catalog/http";
import {
  fmt,
  intFromEnv,
  memoryOf,
  percentile,
  printTable,
  progress,
  verdict,
  type Figures,
} from "../catalog/stats";
import { OpCounters, startMemcached, startRedis, type Ops } from "./servers";

const GOAL_L2_RATIO = 5;
const GOAL_VISIBLE_P99_MS = 1_000;
const GOAL_OPS_PER_REQUEST = 1;
const GOAL_RSS_MB = 150;
const PRODUCT_PAGES = 50;
const PRICE_CHANGES = 30;
const POLL_MS = 5;
const VISIBLE_TIMEOUT_MS = 10_000;
const WARM_ROUNDS = 5;

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");
const loadOptions = loadOptionsFromEnv();
const products = intFromEnv("BENCH_PRODUCTS", 2000);
const adminUrl = process.env.BENCH_DATABASE_URL || process.env.DATABASE_URL || undefined;
const dataDir = path.join(repoRoot, ".data", "bench");
const mediaDir = path.join(dataDir, "media");
const serviceTokenSecret = randomBytes(32).toString("base64url");
const manager: SignedPrincipal = {
  kind: "staff",
  userId: "bench-manager",
  email: "bench-manager@example.com",
  role: "manager",
};

type CacheMode = "two-level" | "shared" | "off";

interface Replica {
  label: string;
  child: ChildProcess;
  base: string;
  client: CatalogClient;
}

interface Pages {
  /** product.bySlug paths, one per product. */
  details: string[];
  /** product.list paths, a few listing pages as the storefront asks for them (with facets). */
  listings: string[];
  /** The slugs behind `details`. */
  slugs: string[];
}

interface ModeFigures {
  figures: Figures;
  opsPerRequest: Ops;
}

interface RssRow {
  label: string;
  peakMiB: number | null;
}

const mb = (mib: number) => mib * 1.048576;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** The catalog processes of this run; each one's peak RSS is recorded when it is stopped. */
class Replicas {
  private readonly running = new Set<Replica>();
  readonly rss: RssRow[] = [];

  constructor(private readonly env: NodeJS.ProcessEnv) {}

  async start(label: string, env: Record<string, string>): Promise<Replica> {
    const settings = Object.entries(env)
      .map(([k, v]) => `${k}=${v}`)
      .join(" ");
    progress(`${label}: ${settings || "defaults"}`);
    const { child, base } = await startCatalog({
      repoRoot,
      env: { ...this.env, ...env },
      readyTimeoutMs: 20 * 60_000,
    });
    const replica = { label, child, base, client: createCatalogClient({ url: `${base}/trpc` }) };
    this.running.add(replica);
    return replica;
  }

  /** Stops it, recording its peak RSS unless `record` is false. */
  async stop(replica: Replica, record = true): Promise<void> {
    if (!this.running.delete(replica)) return;
    const memory = await memoryOf(replica.child.pid ?? 0);
    if (record) this.rss.push({ label: replica.label, peakMiB: memory?.peakMiB ?? null });
    await stop(replica.child);
  }

  async stopAll(): Promise<void> {
    for (const replica of [...this.running]) await this.stop(replica);
  }
}

/**
 * 50 product pages and a few distinct listing pages (all products in the default order and two price
 * sorts, page 2, two categories), each a separate cache entry.
 */
async function choosePages(client: CatalogClient): Promise<Pages> {
  const newest = await client.product.list.query({ sort: "newest", limit: 60 });
  const slugs = newest.items.slice(0, PRODUCT_PAGES).map((p) => p.slug);
  if (slugs.length === 0) throw new Error("product.list returned no products — is the catalog seeded?");
  const listing = { limit: 24, facets: true } as const;
  const first = await client.product.list.query(listing);
  const tree = await client.category.tree.query();
  const listings = [
    listing,
    { ...listing, sort: "price_asc" },
    { ...listing, sort: "price_desc" },
    ...(first.nextCursor ? [{ ...listing, cursor: first.nextCursor }] : []),
    ...tree.slice(0, 2).map((node) => ({ ...listing, category: node.path })),
  ];
  return {
    slugs,
    details: slugs.map((slug) => trpcPath("product.bySlug", { slug })),
    listings: listings.map((input) => trpcPath("product.list", input)),
  };
}

async function loadPages(
  label: string,
  replica: Replica,
  paths: readonly string[],
  counters: OpCounters,
): Promise<ModeFigures> {
  for (const p of paths) await getOk(replica.base, p);
  const traffic = rotating(paths);
  let figures: Figures | undefined;
  const ops = await counters.during(async () => {
    figures = await load(label, replica.base, loadOptions, traffic.options);
  });
  if (!figures) throw new Error(`${label}: no figures`);
  const sent = Math.max(1, traffic.sent());
  return { figures, opsPerRequest: { memcached: ops.memcached / sent, redis: ops.redis / sent } };
}

/** Milliseconds from a price change through the first replica until every replica serves it. */
async function priceVisibility(replicas: readonly Replica[], slug: string, key: Uint8Array) {
  const [first] = replicas;
  if (!first) throw new Error("no replica");
  const staff = createCatalogClient({
    url: `${first.base}/trpc`,
    headers: async () => ({ authorization: `Bearer ${await signServiceToken(manager, key)}` }),
  });
  const product = await first.client.product.bySlug.query({ slug });
  const variant = product.variants[0];
  if (!variant) throw new Error(`product ${slug} has no variant`);
  const original = { price: variant.price, compareAtPrice: variant.compareAtPrice };
  const shows = async (replica: Replica, price: number) =>
    (await replica.client.product.bySlug.query({ slug })).variants.some(
      (v) => v.id === variant.id && v.price === price,
    );
  for (let i = 0; i < 2; i++) for (const r of replicas) await shows(r, original.price);

  const visibleMs: number[] = [];
  const mutationMs: number[] = [];
  let timedOut = 0;
  try {
    for (let i = 0; i < PRICE_CHANGES; i++) {
      // Alternates between two prices above the original, each different from the one before.
      const price = original.price + 1 + (i % 2);
      const compareAtPrice =
        original.compareAtPrice !== null && original.compareAtPrice > price ? original.compareAtPrice : null;
      const started = performance.now();
      const mutation = staff.admin.variants.setPrice
        .mutate({ variantId: variant.id, price, compareAtPrice })
        .then(() => performance.now() - started);
      // Awaited after polling; until then a failure must not count as unhandled.
      mutation.catch(() => undefined);
      let visible: number | null = null;
      while (performance.now() - started < VISIBLE_TIMEOUT_MS) {
        const round = performance.now();
        const seen = await Promise.all(replicas.map((r) => shows(r, price)));
        if (seen.every(Boolean)) {
          visible = performance.now() - started;
          break;
        }
        await sleep(Math.max(0, POLL_MS - (performance.now() - round)));
      }
      mutationMs.push(await mutation);
      if (visible === null) timedOut++;
      else visibleMs.push(visible);
      if ((i + 1) % 10 === 0) progress(`  ${i + 1}/${PRICE_CHANGES} price changes`);
    }
  } finally {
    await staff.admin.variants.setPrice.mutate({ variantId: variant.id, ...original });
  }
  return { visibleMs, mutationMs, timedOut };
}

function summary(values: readonly number[]): { p50: number; p99: number; max: number } {
  const sorted = [...values].sort((a, b) => a - b);
  return { p50: percentile(sorted, 50), p99: percentile(sorted, 99), max: sorted.at(-1) ?? Number.NaN };
}

function printOps(title: string, rows: readonly { label: string; ops: Ops; requests: number }[]) {
  console.log(`\n${title}`);
  const width = Math.max(...rows.map((r) => r.label.length));
  console.log(`${"".padEnd(width)}  memcached/req  redis/req  requests`);
  for (const r of rows) {
    const ok = r.ops.memcached <= GOAL_OPS_PER_REQUEST && r.ops.redis <= GOAL_OPS_PER_REQUEST;
    console.log(
      `${r.label.padEnd(width)}  ${fmt(r.ops.memcached, 3).padStart(13)}  ${fmt(r.ops.redis, 3).padStart(9)}  ${fmt(r.requests).padStart(8)}  (goal ≤ ${GOAL_OPS_PER_REQUEST} each: ${verdict(ok)})`,
    );
  }
}

async function main(): Promise<void> {
  buildCatalog(repoRoot);
  console.log(`Emporium catalog cache benchmark — node ${process.version}, ${availableParallelism()} cores`);
  console.log(
    `database: ${adminUrl ? "PostgreSQL (database emporium_bench)" : "PGlite under .data/bench (set BENCH_DATABASE_URL for PostgreSQL)"}; ` +
      `load: ${loadOptions.connections} connections, ${loadOptions.warmupSeconds}s warm-up + ${loadOptions.durationSeconds}s measured per row`,
  );

  const childEnv: NodeJS.ProcessEnv = {
    ...process.env,
    EMPORIUM_DATA_DIR: dataDir,
    MEDIA_DIR: mediaDir,
    LOG_LEVEL: "warn",
    SEED_PRODUCTS: String(products),
    SERVICE_TOKEN_SECRET: serviceTokenSecret,
  };
  // This run decides the cache settings; no broker (stock events are not part of the measurement).
  for (const name of [
    "DATABASE_URL",
    "KAFKA_BROKERS",
    "CACHE_MODE",
    "HTTP_CACHE_SECONDS",
    "CACHE_MAX_ENTRIES",
  ])
    delete childEnv[name];
  if (adminUrl) childEnv.DATABASE_URL = await prepareBenchDatabase(adminUrl, { products, mediaDir });

  // Undone in reverse order at the end, whatever happens.
  const cleanup: (() => Promise<void>)[] = [];
  try {
    const memcached = await startMemcached();
    cleanup.push(() => stop(memcached.child));
    const redis = await startRedis();
    cleanup.push(() => stop(redis.child));
    const replicas = new Replicas({
      ...childEnv,
      MEMCACHED_SERVERS: `127.0.0.1:${memcached.port}`,
      REDIS_URL: `redis://127.0.0.1:${redis.port}`,
    });
    cleanup.push(() => replicas.stopAll());
    const counters = new OpCounters(memcached, redis);
    const cost = await counters.calibrate();
    progress(`reading the counters costs ${cost.memcached} memcached op(s), ${cost.redis} Redis command(s)`);

    if (!adminUrl) {
      // Seeding happens inside the catalog on an empty PGlite: do it in a process of its own, so the
      // measured processes' peak RSS reflects serving, not seeding.
      progress("first start: letting the catalog migrate and seed its PGlite if it has not yet");
      await replicas.stop(await replicas.start("seeding run", {}), false);
    }

    // (1) L2 vs off vs two-level, one process per mode, HTTP micro-cache off.
    const modes: CacheMode[] = ["off", "shared", "two-level"];
    const detail = new Map<CacheMode, ModeFigures>();
    const listing = new Map<CacheMode, ModeFigures>();
    let pages: Pages | undefined;
    for (const mode of modes) {
      const replica = await replicas.start(`(1) catalog, CACHE_MODE=${mode}`, {
        CACHE_MODE: mode,
        HTTP_CACHE_SECONDS: "0",
      });
      pages ??= await choosePages(replica.client);
      progress(`${pages.details.length} product pages, ${pages.listings.length} listing pages`);
      detail.set(mode, await loadPages(`${mode}: product.bySlug`, replica, pages.details, counters));
      listing.set(mode, await loadPages(`${mode}: product.list`, replica, pages.listings, counters));
      await replicas.stop(replica);
    }
    if (!pages) throw new Error("no pages chosen");

    // (3) Round trips per request on warm pages.
    const all = [...pages.details, ...pages.listings];
    const cold = { CACHE_MODE: "two-level", HTTP_CACHE_SECONDS: "0" };
    const a = await replicas.start("(3) replica A, two-level", cold);
    progress(`warming ${all.length} pages on replica A`);
    for (let i = 0; i < 2; i++) for (const p of all) await getOk(a.base, p);
    const warmHere = await counters.during(async () => {
      for (let i = 0; i < WARM_ROUNDS; i++) for (const p of all) await getOk(a.base, p);
    });
    // PGlite allows one process: replica B then starts after A stops, with L2 still warm.
    if (!adminUrl) await replicas.stop(a);
    const b = await replicas.start("(3) replica B, two-level", cold);
    progress(`first request for each of the ${all.length} pages on replica B`);
    const newHere = await counters.during(async () => {
      for (const p of all) await getOk(b.base, p);
    });

    // (2) A price change's time to reach every replica.
    const visibility: { label: string; result: Awaited<ReturnType<typeof priceVisibility>> }[] = [];
    const slug = pages.slugs[0];
    if (adminUrl && slug) {
      const key = tokenKey(serviceTokenSecret);
      progress(`(2) ${PRICE_CHANGES} price changes of ${slug} through replica A, HTTP micro-cache off`);
      visibility.push({ label: "HTTP micro-cache off", result: await priceVisibility([a, b], slug, key) });
      await replicas.stopAll();
      const deployed = { CACHE_MODE: "two-level" };
      const a2 = await replicas.start("(2) replica A, two-level, default micro-cache", deployed);
      const b2 = await replicas.start("(2) replica B, two-level, default micro-cache", deployed);
      progress(`(2) ${PRICE_CHANGES} price changes of ${slug} through replica A, default micro-cache`);
      visibility.push({
        label: "default micro-cache (as deployed)",
        result: await priceVisibility([a2, b2], slug, key),
      });
    }
    await replicas.stopAll();

    // ── Report ──
    const ratioLine = (rows: Map<CacheMode, ModeFigures>) => {
      const off = rows.get("off")?.figures;
      const l2 = rows.get("shared")?.figures;
      const twoLevel = rows.get("two-level")?.figures;
      if (!off || !l2 || !twoLevel) return;
      const ratio = l2.perSecond / off.perSecond;
      console.log(
        `ratio L2 (shared) / off: ${fmt(ratio, 2)}× req/s  (goal ≥ ${GOAL_L2_RATIO}×: ${verdict(ratio >= GOAL_L2_RATIO)}); ` +
          `p99 ${fmt(l2.p99Ms / off.p99Ms, 2)}× of off's`,
      );
      console.log(
        `for reference, two-level / off: ${fmt(twoLevel.perSecond / off.perSecond, 2)}× req/s; ` +
          `p99 ${fmt(twoLevel.p99Ms / off.p99Ms, 2)}× of off's`,
      );
    };
    const label = (mode: CacheMode) =>
      mode === "off" ? "off (PostgreSQL)" : mode === "shared" ? "shared (L2 Memcached)" : "two-level (L1+L2)";
    for (const [title, rows, count] of [
      ["product.bySlug", detail, pages.details.length],
      ["product.list", listing, pages.listings.length],
    ] as const) {
      const table = modes.flatMap((m) => {
        const figures = rows.get(m)?.figures;
        return figures ? [{ ...figures, label: label(m) }] : [];
      });
      printTable(`(1) ${title}, rotating over ${count} pages — HTTP micro-cache off`, table, "req");
      ratioLine(rows);
      console.log("Memcached / Redis ops per request under that load (warm-up included):");
      for (const m of modes) {
        const ops = rows.get(m)?.opsPerRequest;
        if (ops)
          console.log(
            `  ${label(m).padEnd(22)} ${fmt(ops.memcached, 3)} memcached, ${fmt(ops.redis, 3)} Redis`,
          );
      }
    }
    console.log("(autocannon records latency in whole milliseconds)");

    if (visibility.length > 0) {
      console.log(
        `\n(2) price change through replica A's admin API until replicas A and B both serve it — ${PRICE_CHANGES} changes, polled every ${POLL_MS} ms`,
      );
      for (const { label: setting, result } of visibility) {
        const v = summary(result.visibleMs);
        const m = summary(result.mutationMs);
        const ok = result.timedOut === 0 && v.p99 <= GOAL_VISIBLE_P99_MS;
        console.log(
          `  ${setting}: visible p50 ${fmt(v.p50, 1)} ms, p99 ${fmt(v.p99, 1)} ms, max ${fmt(v.max, 1)} ms` +
            (result.timedOut > 0
              ? `, ${result.timedOut} not visible within ${VISIBLE_TIMEOUT_MS / 1000} s`
              : "") +
            `  (goal p99 ≤ ${GOAL_VISIBLE_P99_MS} ms: ${verdict(ok)}); the mutation itself p50 ${fmt(m.p50, 1)} ms, p99 ${fmt(m.p99, 1)} ms`,
        );
      }
    } else {
      console.log(
        "\n(2) not run: two replicas need one shared database — set BENCH_DATABASE_URL (e.g. postgresql://postgres@127.0.0.1:5432/postgres)",
      );
    }

    printOps("(3) round trips per request on a warm page (two-level, HTTP micro-cache off)", [
      {
        label: "(a) warm in this replica",
        ops: perRequest(warmHere, WARM_ROUNDS * all.length),
        requests: WARM_ROUNDS * all.length,
      },
      {
        label: "(b) warm in L2, new to this replica",
        ops: perRequest(newHere, all.length),
        requests: all.length,
      },
    ]);

    console.log("\n(4) catalog peak RSS (VmHWM) per process");
    const width = Math.max(...replicas.rss.map((r) => r.label.length));
    for (const r of replicas.rss)
      console.log(
        `  ${r.label.padEnd(width)}  ${r.peakMiB === null ? "n/a (no /proc)" : `${fmt(r.peakMiB, 1)} MiB  (goal ≤ ${GOAL_RSS_MB} MB: ${verdict(mb(r.peakMiB) <= GOAL_RSS_MB)})`}`,
      );

    const failed = [...detail.values(), ...listing.values()].filter((r) => r.figures.errors > 0);
    for (const f of failed)
      console.log(`warning: ${f.figures.label} had ${f.figures.errors} errors/non-2xx responses`);
  } finally {
    for (const undo of cleanup.reverse()) await undo();
  }
}

function perRequest(ops: Ops, requests: number): Ops {
  return { memcached: ops.memcached / requests, redis: ops.redis / requests };
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? (err.stack ?? err.message) : err);
  process.exit(1);
});
