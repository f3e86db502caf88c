// Scrape-time benchmark (not a test): `npm run scrape -w @emporium/bench`. Starts the whole platform as
// separate processes on real PostgreSQL, Kafka and RabbitMQ (the system tests' harness), runs orders
// through it (every fourth declined) and catalog reads so every series exists, then scrapes each
// process's /metrics as Prometheus would, one request at a time, and prints per process the scrape's
// p50 / p99 / max against the same process's /healthz measured in the same run (the HTTP round trip
// alone) — issue 16's goal is a scrape under 20 ms. A scrape includes what is read from the brokers and
// the database at that moment (queue depths, consumer lag, outbox backlog, the oldest unfinished order).
// Needs BENCH_DATABASE_URL (or TEST_DATABASE_URL), KAFKA_BROKERS (or TEST_KAFKA_BROKERS) and AMQP_URL
// (or TEST_AMQP_URL). Tuning: BENCH_SCRAPES (200 per process), BENCH_ORDERS (40).
import { buy, CARDS, pool, setStock, stockedVariants, tokenize, waitTerminal } from "@emporium/system-tests";
import { fmt, intFromEnv, percentile, progress } from "../catalog/stats";
import { benchStack } from "../orders/load";

const scrapes = intFromEnv("BENCH_SCRAPES", 200);
const orders = intFromEnv("BENCH_ORDERS", 40);
const stack = benchStack();

interface Timed {
  p50: number;
  p99: number;
  max: number;
  bytes: number;
  series: number;
}

/** `count` sequential GETs of `url` after five unmeasured ones; the body of the last is kept. */
async function timeGets(url: string, count: number): Promise<Timed> {
  let body = "";
  const ms: number[] = [];
  for (let i = 0; i < count + 5; i++) {
    const t0 = performance.now();
    const res = await fetch(url);
    body = await res.text();
    const took = performance.now() - t0;
    if (!res.ok) throw new Error(`${url} answered ${res.status}`);
    if (i >= 5) ms.push(took);
  }
  ms.sort((a, b) => a - b);
  const series = body.split("\n").filter((line) => line !== "" && !line.startsWith("#")).length;
  return {
    p50: percentile(ms, 50),
    p99: percentile(ms, 99),
    max: ms.at(-1) ?? Number.NaN,
    bytes: Buffer.byteLength(body),
    series,
  };
}

async function traffic(): Promise<void> {
  const variants = await stockedVariants(stack, 8);
  for (const v of variants) await setStock(stack, v.id, 10_000);
  const placed = await pool(orders, 4, async (i) => {
    const card = i % 4 === 3 ? CARDS.decline : CARDS.approve;
    const variantId = variants[i % variants.length]?.id ?? "";
    return buy(stack, [{ variantId, quantity: 1 }], await tokenize(stack.pspUrl, card));
  });
  const failed = placed.filter((p): p is Error => p instanceof Error);
  if (failed.length > 0) throw new Error(`orders failed: ${failed.map((e) => e.message).join("; ")}`);
  await waitTerminal(
    stack,
    placed.filter((p): p is Exclude<typeof p, Error> => !(p instanceof Error)).map((p) => p.orderId),
  );
  const list = await stack.catalog.product.list.query({ limit: 12 });
  for (const p of list.items) await stack.catalog.product.bySlug.query({ slug: p.slug });
}

async function main(): Promise<void> {
  console.log(`Emporium scrape-time benchmark — node ${process.version}; every service as a process`);
  progress("starting the platform (fresh database, clean topics and queues)");
  await stack.start();
  try {
    progress(`running ${orders} orders and catalog reads so that every series exists`);
    await traffic();
    const rows: string[][] = [];
    for (const [name, proc] of stack.procs) {
      progress(`${name}: ${scrapes} scrapes of /metrics, ${scrapes} of /healthz`);
      const base = `http://127.0.0.1:${proc.port}`;
      const metrics = await timeGets(`${base}/metrics`, scrapes);
      const health = await timeGets(`${base}/healthz`, scrapes);
      rows.push([
        name,
        fmt(metrics.p50, 2),
        fmt(metrics.p99, 2),
        fmt(metrics.max, 2),
        fmt(health.p50, 2),
        `${fmt(metrics.p50 / health.p50, 1)}×`,
        fmt(metrics.series),
        `${fmt(metrics.bytes / 1024, 1)} KiB`,
        metrics.p99 <= 20 ? "yes" : "NO",
      ]);
    }
    const header = [
      "process",
      "/metrics p50 ms",
      "p99 ms",
      "max ms",
      "/healthz p50 ms",
      "p50 ratio",
      "series",
      "body",
      "p99 ≤ 20 ms",
    ];
    const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? "").length)));
    const line = (cells: string[]) => cells.map((c, i) => c.padStart(widths[i] ?? 0)).join("  ");
    console.log(`\nScrape time per process (${scrapes} sequential scrapes each, after real traffic)`);
    console.log(line(header));
    for (const r of rows) console.log(line(r));
  } finally {
    await stack.stop();
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exitCode = 1;
});
