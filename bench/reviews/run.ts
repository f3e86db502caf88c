// Reviews benchmark (not a test): `npm run reviews -w @emporium/bench`. The reviews block of a product
// page for a product with 5,000 approved reviews, through the reviews service over HTTP: review.list,
// 20 a page, sorted newest and most helpful, the first page and a deep keyset page (after the first
// 4,000 reviews) — req/s and p99 with autocannon, goal p99 ≤ 20 ms. Baseline in the same run: the same
// two queries a review.list makes (the page, and the rating counts for its summary) straight through
// the mongodb driver with as many concurrent callers as autocannon has connections, for the ratio.
//
// Store: MongoDB at BENCH_MONGO_URL (a database of this run's own, dropped at the end), else the
// service's in-memory store (then there is no driver baseline). The service runs in a process of its
// own (services/reviews/test/bench-host.ts), which seeds the reviews through the service's store
// adapter first. Tuning: BENCH_REVIEWS (5000), BENCH_DEEP_AT (4000), BENCH_CONNECTIONS (10),
// BENCH_DURATION (10 s), BENCH_WARMUP (2 s).
import { spawn, type ChildProcess } from "node:child_process";
import { randomUUID } from "node:crypto";
import { availableParallelism } from "node:os";
import path from "node:path";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";
import { MongoClient, type Document, type Sort } from "mongodb";
import { load, loadOptionsFromEnv, stop, type LoadOptions } from "../catalog/http";
import { fmt, intFromEnv, percentile, printTable, progress, verdict, type Figures } from "../catalog/stats";

const GOAL_P99_MS = 20;
const PAGE = 20;
/** The page size the deep cursor is walked to with (the service's maximum). */
const WALK_PAGE = 50;

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");
const loadOptions = loadOptionsFromEnv();
const reviewCount = intFromEnv("BENCH_REVIEWS", 5000);
const deepAt = intFromEnv("BENCH_DEEP_AT", 4000);
const mongoUrl = process.env.BENCH_MONGO_URL || undefined;

type Sort2 = "newest" | "helpful";

/** The fields of a listed review the next keyset page starts after. */
interface Position {
  id: string;
  createdAt: string;
  helpfulCount: number;
}

interface Case {
  label: string;
  sort: Sort2;
  input: Record<string, unknown>;
  /** The review the page starts after (null: the first page). */
  after: Position | null;
}

/** Reads a nested property of parsed JSON without trusting its shape. */
function pick(value: unknown, ...keys: (string | number)[]): unknown {
  let cur = value;
  for (const key of keys) {
    if (typeof cur !== "object" || cur === null) return undefined;
    cur = (cur as Record<string | number, unknown>)[key];
  }
  return cur;
}

const listPath = (input: Record<string, unknown>) =>
  `/trpc/review.list?input=${encodeURIComponent(JSON.stringify(input))}`;

async function list(base: string, input: Record<string, unknown>): Promise<unknown> {
  const res = await fetch(`${base}${listPath(input)}`);
  const text = await res.text();
  if (!res.ok) throw new Error(`review.list answered ${res.status}: ${text.slice(0, 300)}`);
  return pick(JSON.parse(text), "result", "data");
}

function positionOf(item: unknown): Position {
  const id = pick(item, "id");
  const createdAt = pick(item, "createdAt");
  const helpfulCount = pick(item, "helpfulCount");
  if (typeof id !== "string" || typeof createdAt !== "string" || typeof helpfulCount !== "number")
    throw new Error(`review.list item without id, createdAt and helpfulCount: ${JSON.stringify(item)}`);
  return { id, createdAt, helpfulCount };
}

/** The service, seeded: resolves with its base URL once it listens; seeding progress is relayed. */
async function startHost(productId: string, mongoDb: string): Promise<{ child: ChildProcess; base: string }> {
  const config = JSON.stringify({ mongoDb, productId, reviews: reviewCount });
  const env: NodeJS.ProcessEnv = { ...process.env, NODE_ENV: "production" };
  delete env.MONGO_URL;
  if (mongoUrl) env.MONGO_URL = mongoUrl;
  // As its start script runs it: the production heap limit.
  const child = spawn(
    process.execPath,
    ["--max-old-space-size=128", "--import", "tsx", "test/bench-host.ts", config],
    {
      cwd: path.join(repoRoot, "services", "reviews"),
      env,
      stdio: ["ignore", "pipe", "inherit"],
    },
  );
  const port = await new Promise<number>((resolve, reject) => {
    if (!child.stdout) return reject(new Error("the reviews host has no stdout"));
    child.once("exit", (code) => reject(new Error(`the reviews host exited with code ${code}`)));
    createInterface({ input: child.stdout }).on("line", (line) => {
      let event: unknown;
      try {
        event = JSON.parse(line);
      } catch {
        event = undefined;
      }
      const seeded = pick(event, "seeded");
      const p = pick(event, "port");
      if (typeof seeded === "number") progress(`seeded ${fmt(seeded)}/${fmt(reviewCount)} reviews`);
      else if (typeof p === "number") {
        progress(
          `reviews service on port ${p} (${String(pick(event, "store"))}), seeded in ${fmt(Number(pick(event, "seedSeconds")), 1)} s`,
        );
        resolve(p);
      } else process.stderr.write(`[reviews] ${line}\n`);
    });
  });
  return { child, base: `http://127.0.0.1:${port}` };
}

/** The first page and the page after `deepAt` reviews, in `sort`, walked through the service. */
async function casesFor(base: string, productId: string, sort: Sort2): Promise<Case[]> {
  const first = { productId, sort, limit: PAGE };
  const page = await list(base, first);
  const items = pick(page, "items");
  const count = pick(page, "summary", "count");
  if (!Array.isArray(items) || items.length !== PAGE || count !== reviewCount)
    throw new Error(
      `the first ${sort} page has ${Array.isArray(items) ? items.length : "no"} items and a count of ${String(count)}; expected ${PAGE} of ${reviewCount}`,
    );
  progress(`walking to review ${fmt(deepAt)} in ${sort} order, ${WALK_PAGE} a page`);
  let cursor: unknown = undefined;
  let last: Position | null = null;
  for (let seen = 0; seen < deepAt;) {
    const limit = Math.min(WALK_PAGE, deepAt - seen);
    const next = await list(base, { productId, sort, limit, ...(cursor ? { cursor } : {}) });
    const nextItems = pick(next, "items");
    if (!Array.isArray(nextItems) || nextItems.length === 0)
      throw new Error(`ran out of ${sort} reviews after ${seen}`);
    seen += nextItems.length;
    last = positionOf(nextItems.at(-1));
    cursor = pick(next, "nextCursor");
    if (typeof cursor !== "string") throw new Error(`no cursor after ${seen} ${sort} reviews`);
  }
  return [
    { label: `${sort}, first page`, sort, input: first, after: null },
    {
      label: `${sort}, after ${fmt(deepAt)} (keyset)`,
      sort,
      input: { ...first, cursor },
      after: last,
    },
  ];
}

/**
 * What MongoReviewStore.approvedPage and ratingCounts send for one review.list, written out with the
 * driver: the page (one more than shown, to know whether there is a next one) and the rating counts.
 */
function driverQuery(client: MongoClient, mongoDb: string, productId: string, c: Case) {
  const reviews = client.db(mongoDb).collection<Document>("reviews");
  const sort: Sort =
    c.sort === "newest" ? { createdAt: -1, _id: -1 } : { helpfulCount: -1, createdAt: -1, _id: -1 };
  let after: Document = {};
  if (c.after) {
    const createdAt = new Date(c.after.createdAt);
    const tail = [{ createdAt: { $lt: createdAt } }, { createdAt, _id: { $lt: c.after.id } }];
    const key = c.after.helpfulCount;
    after =
      c.sort === "newest"
        ? { $or: tail }
        : { $or: [{ helpfulCount: { $lt: key } }, ...tail.map((t) => ({ helpfulCount: key, ...t }))] };
  }
  const filter = { productId, status: "approved", ...after };
  return async (): Promise<number> => {
    const [page] = await Promise.all([
      reviews
        .find(filter)
        .sort(sort)
        .limit(PAGE + 1)
        .toArray(),
      reviews
        .aggregate([
          { $match: { productId, status: "approved" } },
          { $group: { _id: "$rating", n: { $sum: 1 } } },
        ])
        .toArray(),
    ]);
    return page.length;
  };
}

/** `query` in a closed loop by `connections` callers: warm-up, then the measured run. */
async function measureDriver(
  label: string,
  query: () => Promise<number>,
  opts: LoadOptions,
): Promise<Figures> {
  const run = async (seconds: number) => {
    const latencies: number[] = [];
    let errors = 0;
    const until = performance.now() + seconds * 1000;
    const caller = async () => {
      while (performance.now() < until) {
        const started = performance.now();
        try {
          if ((await query()) !== PAGE + 1) errors += 1;
          latencies.push(performance.now() - started);
        } catch {
          errors += 1;
        }
      }
    };
    const started = performance.now();
    await Promise.all(Array.from({ length: opts.connections }, caller));
    return { latencies, errors, seconds: (performance.now() - started) / 1000 };
  };
  progress(`${label}: warm-up ${opts.warmupSeconds}s`);
  await run(opts.warmupSeconds);
  progress(`${label}: measuring ${opts.durationSeconds}s with ${opts.connections} callers`);
  const r = await run(opts.durationSeconds);
  const sorted = r.latencies.sort((a, b) => a - b);
  return {
    label,
    perSecond: sorted.length / r.seconds,
    p50Ms: percentile(sorted, 50),
    p99Ms: percentile(sorted, 99),
    count: sorted.length,
    errors: r.errors,
  };
}

async function main(): Promise<void> {
  if (deepAt >= reviewCount) throw new Error("BENCH_DEEP_AT must be below BENCH_REVIEWS");
  const productId = randomUUID();
  const mongoDb = `emporium_bench_reviews_${productId.slice(0, 8)}`;
  console.log(`Emporium reviews benchmark — node ${process.version}, ${availableParallelism()} cores`);
  console.log(
    `store: ${
      mongoUrl
        ? `MongoDB (BENCH_MONGO_URL, database ${mongoDb}, dropped at the end)`
        : "the in-memory store — BENCH_MONGO_URL is not set, so no MongoDB and no driver baseline"
    }; ${fmt(reviewCount)} approved reviews of one product; load: ${loadOptions.connections} connections, ` +
      `${loadOptions.warmupSeconds}s warm-up + ${loadOptions.durationSeconds}s measured per row`,
  );

  const cleanup: (() => Promise<void>)[] = [];
  try {
    const client = mongoUrl ? new MongoClient(mongoUrl, { serverSelectionTimeoutMS: 5_000 }) : null;
    if (client)
      cleanup.push(async () => {
        await client.db(mongoDb).dropDatabase();
        await client.close();
      });
    progress(`starting the reviews service and seeding ${fmt(reviewCount)} reviews`);
    const host = await startHost(productId, mongoDb);
    cleanup.push(() => stop(host.child));

    const cases = [
      ...(await casesFor(host.base, productId, "newest")),
      ...(await casesFor(host.base, productId, "helpful")),
    ];
    const rows: { c: Case; service: Figures; driver: Figures | null }[] = [];
    for (const c of cases) {
      const service = await load(`service: ${c.label}`, `${host.base}${listPath(c.input)}`, loadOptions);
      const driver = client
        ? await measureDriver(`driver: ${c.label}`, driverQuery(client, mongoDb, productId, c), loadOptions)
        : null;
      rows.push({ c, service, driver });
    }

    for (const { c, service, driver } of rows) {
      printTable(
        `review.list — ${c.label}, ${PAGE} a page`,
        [
          { ...service, label: "reviews service over HTTP" },
          ...(driver ? [{ ...driver, label: "mongodb driver, same 2 queries" }] : []),
        ],
        "req",
      );
      console.log(
        `service p99 ${fmt(service.p99Ms, 2)} ms (goal ≤ ${GOAL_P99_MS} ms: ${verdict(service.p99Ms <= GOAL_P99_MS)})`,
      );
      if (driver)
        console.log(
          `service / driver: ${fmt(service.perSecond / driver.perSecond, 2)}× the rate, ` +
            `${fmt(service.p99Ms / driver.p99Ms, 2)}× the p99`,
        );
    }
  } finally {
    for (const undo of cleanup.reverse())
      await undo().catch((err: unknown) => progress(`cleanup: ${String(err)}`));
  }
}

await main();
