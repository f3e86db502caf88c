// Orders benchmark (not a test): `npm run orders -w @emporium/bench`. Starts the whole platform as
// separate processes on real PostgreSQL, Kafka and RabbitMQ (the system tests' harness) and prints:
//   (1) placeOrder orders/s through the orders API vs pgbench running the same SQL transaction with the
//       same number of clients (goal ≥ 0.5×);
//   (2) placed → confirmed latency through the real brokers at a steady 100 orders/s for 60 s
//       (goal p99 ≤ 100 ms), from the database's own timestamps;
//   (3) the highest sustained rate whose placed → confirmed p99 stays under 1 s.
// Needs BENCH_DATABASE_URL (or TEST_DATABASE_URL), KAFKA_BROKERS (or TEST_KAFKA_BROKERS) and AMQP_URL
// (or TEST_AMQP_URL). Tuning: BENCH_CLIENTS (10), BENCH_SECONDS (15), BENCH_STEADY_SECONDS (60),
// BENCH_RATES ("10,20,30,40,60,80,100"), BENCH_PARTS (which of 1, 2, 3 to run; default all). Each step
// starts once every earlier order is delivered or cancelled and the database has been vacuumed.
import { CARDS, pool, setStock, stockedVariants, tokenize } from "@emporium/system-tests";
import { fmt, percentile, printTable, progress, type Figures } from "../catalog/stats";
import { cpuBetween, cpuSnapshot, describeCpu } from "./cpu";
import {
  benchStack,
  closedLoop,
  confirmLatencies,
  HOPS,
  hopLatencies,
  intEnv,
  openLoop,
  prepareCarts,
  settle,
} from "./load";
import { runPgbench } from "./pgbench";

const clients = intEnv("BENCH_CLIENTS", 10);
const seconds = intEnv("BENCH_SECONDS", 15);
const steadySeconds = intEnv("BENCH_STEADY_SECONDS", 60);
const rates = (process.env.BENCH_RATES ?? "10,20,30,40,60,80,100").split(",").map(Number);
const parts = new Set((process.env.BENCH_PARTS ?? "1,2,3").split(",").map((p) => p.trim()));

const stack = benchStack();

async function main(): Promise<void> {
  console.log(
    `Emporium orders benchmark — node ${process.version}; all services as processes on PostgreSQL, Kafka, RabbitMQ`,
  );
  progress("starting the platform (fresh database, clean topics and queues)");
  await stack.start();
  const variants = (await stockedVariants(stack, 40)).map((v) => v.id);
  for (const v of variants) await setStock(stack, v, 1_000_000);
  const tokens = (await pool(50, 10, () => tokenize(stack.pspUrl, CARDS.approve))).filter(
    (t): t is string => typeof t === "string",
  );

  if (parts.has("1")) await placingOrders(variants, tokens);
  if (parts.has("3")) await sustainedRate(variants, tokens);
  if (parts.has("2")) await steadyHundred(variants, tokens);
}

/**
 * (1) placeOrder vs pgbench, the saga workers paused so both sides measure the same transaction (the
 * orders service still runs its outbox relay and saga consumer, as in production).
 */
async function placingOrders(variants: string[], tokens: string[]): Promise<void> {
  progress(`(1) preparing carts for ${seconds} s of placeOrder with ${clients} clients`);
  const carts = await prepareCarts(stack, clients * seconds * 100, variants, tokens);
  for (const w of ["inventory", "payment", "fulfillment"] as const) await stack.kill(w);
  progress("(1) measuring placeOrder (closed loop)");
  const named = new Map<number, string>([...stack.pids(), [process.pid, "load generator"]]);
  const apiCpu = cpuSnapshot(named);
  const { latencies, errors, elapsed } = await closedLoop(stack, carts, clients, seconds);
  const apiUsed = cpuBetween(apiCpu, cpuSnapshot(named));
  const api: Figures = {
    label: `placeOrder via orders API (${clients} clients)`,
    perSecond: latencies.length / elapsed,
    p50Ms: percentile(latencies, 50),
    p99Ms: percentile(latencies, 99),
    count: latencies.length,
    errors,
  };
  progress("(1) measuring pgbench with the same SQL transaction");
  const pgCpu = cpuSnapshot(named);
  const pg = await runPgbench(stack.db, stack.databaseUrl, clients, seconds);
  const pgUsed = cpuBetween(pgCpu, cpuSnapshot(named));
  const base: Figures = {
    label: `pgbench, same SQL (${clients} clients)`,
    perSecond: pg.tps,
    p50Ms: Number.NaN,
    p99Ms: Number.NaN,
    count: pg.transactions,
    errors: 0,
  };
  for (const w of ["inventory", "payment", "fulfillment"] as const) await stack.restart(w);
  printTable("(1) placing orders", [api, base], "order");
  console.log(`(pgbench reports an average latency only: ${fmt(pg.latencyAvgMs, 2)} ms)`);
  // Where the two cores went in each half (shares of one core; 200% is the whole machine).
  console.log(`CPU while the API ran:   ${describeCpu(apiUsed, elapsed)}`);
  console.log(`CPU while pgbench ran:   ${describeCpu(pgUsed, seconds)}`);
  const ratio = api.perSecond / base.perSecond;
  console.log(
    `ratio API / pgbench: ${fmt(ratio, 2)}×  (goal ≥ 0.5×: ${ratio >= 0.5 ? "meets goal" : "BELOW GOAL"})`,
  );
  progress("letting the saga catch up with the orders placed while the workers were paused");
  progress(`caught up (and vacuumed) in ${fmt(await settle(stack, 900_000), 0)} s`);
}

/** (3) steps the rate up until p99 placed → confirmed reaches 1 s or the rate cannot be held. */
async function sustainedRate(variants: string[], tokens: string[]): Promise<void> {
  console.log("\n(3) sustained rate with placed → confirmed p99 under 1 s (15 s per step)");
  let best = 0;
  for (const rate of rates) {
    const stepCarts = await prepareCarts(stack, rate * 15, variants, tokens);
    await settle(stack, 900_000);
    const step = await openLoop(stack, rate, 15, stepCarts);
    const lat = await confirmLatencies(
      stack,
      step.placed.map((p) => p.orderId),
      120_000,
    );
    const stepP99 = lat.length === step.placed.length ? percentile(lat, 99) : Number.POSITIVE_INFINITY;
    const held = step.achieved >= rate * 0.95 && step.errors === 0;
    console.log(
      `    ${String(rate).padStart(4)}/s: achieved ${fmt(step.achieved, 1)}/s, errors ${step.errors}, placed → confirmed p50 ${fmt(percentile(lat, 50), 0)} ms p99 ${fmt(stepP99, 0)} ms ${held && stepP99 < 1000 ? "✓" : "✗"}`,
    );
    for (const reason of step.why) console.log(`      refused: ${reason}`);
    if (!(held && stepP99 < 1000)) {
      // Where the time went in the step that missed: each hop's p50 and p99.
      const hops = await hopLatencies(
        stack,
        step.placed.map((p) => p.orderId),
      );
      hops.forEach((ms, i) =>
        console.log(
          `      ${(HOPS[i] ?? "").padEnd(48)} p50 ${fmt(percentile(ms, 50), 0).padStart(6)} ms  p99 ${fmt(percentile(ms, 99), 0).padStart(6)} ms`,
        ),
      );
      break;
    }
    best = rate;
  }
  console.log(
    `highest sustained rate with p99 < 1 s: ${best > 0 ? `${best} orders/s` : "below the first step"}`,
  );
}

/** (2) a steady 100 orders/s for BENCH_STEADY_SECONDS. */
async function steadyHundred(variants: string[], tokens: string[]): Promise<void> {
  progress(`(2) preparing ${100 * steadySeconds} carts`);
  const steadyCarts = await prepareCarts(stack, 100 * steadySeconds, variants, tokens);
  await settle(stack, 900_000);
  progress(`(2) placing 100 orders/s for ${steadySeconds} s`);
  const steady = await openLoop(stack, 100, steadySeconds, steadyCarts);
  const confirm = await confirmLatencies(
    stack,
    steady.placed.map((p) => p.orderId),
    120_000,
  );
  const placeMs = steady.placed.map((p) => p.ms).sort((a, b) => a - b);
  console.log(
    `\n(2) steady 100 orders/s for ${steadySeconds} s: ${steady.placed.length} placed (${fmt(steady.achieved, 1)}/s achieved, ${steady.errors} errors), ${confirm.length} confirmed`,
  );
  for (const reason of steady.why) console.log(`    refused: ${reason}`);
  console.log(
    `    placeOrder API      p50 ${fmt(percentile(placeMs, 50), 1)} ms  p99 ${fmt(percentile(placeMs, 99), 1)} ms`,
  );
  const p99 = percentile(confirm, 99);
  console.log(
    `    placed → confirmed  p50 ${fmt(percentile(confirm, 50), 1)} ms  p99 ${fmt(p99, 1)} ms  max ${fmt(confirm[confirm.length - 1] ?? Number.NaN, 1)} ms  (goal p99 ≤ 100 ms: ${p99 <= 100 ? "meets goal" : "BELOW GOAL"})`,
  );
}

main()
  .catch((err: unknown) => {
    console.error(err instanceof Error ? (err.stack ?? err.message) : err);
    console.error(stack.logs());
    process.exitCode = 1;
  })
  .finally(() => stack.stop());
