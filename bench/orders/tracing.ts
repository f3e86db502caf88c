// Tracing overhead benchmark (not a test): `npm run orders:tracing -w @emporium/bench`. Starts the whole
// platform as separate processes on real PostgreSQL, Kafka and RabbitMQ, then measures placeOrder
// throughput (closed loop, BENCH_CLIENTS clients for BENCH_SECONDS) in alternating rounds: tracing off
// (TRACING_EXPORTER=none) and tracing on at 10% sampling exporting to a real Zipkin, every process
// restarted between the two. Prints each round and the ratio of the medians (goal: on ≥ 0.95× off).
// Needs BENCH_ZIPKIN_URL (or TEST_ZIPKIN_URL) besides the orders benchmark's servers. Tuning:
// BENCH_CLIENTS (10), BENCH_SECONDS (15), BENCH_ROUNDS (2 of each), BENCH_SAMPLE_RATIO (0.1).
import { CARDS, pool, setStock, stockedVariants, tokenize, type Stack } from "@emporium/system-tests";
import { fmt, percentile, progress } from "../catalog/stats";
import { benchStack, closedLoop, env, intEnv, prepareCarts, settle, type Prepared } from "./load";

const clients = intEnv("BENCH_CLIENTS", 10);
const seconds = intEnv("BENCH_SECONDS", 15);
const rounds = intEnv("BENCH_ROUNDS", 2);
const ratio = Number(process.env.BENCH_SAMPLE_RATIO ?? "0.1");
const zipkin = env("BENCH_ZIPKIN_URL", "TEST_ZIPKIN_URL").replace(/\/$/, "");
const stack = benchStack();

/**
 * Every process restarted with tracing off, or on at `ratio` into Zipkin — save the PSP simulator,
 * whose card tokens live in its memory (it serves no span of the saga's anyway).
 */
async function setTracing(s: Stack, on: boolean): Promise<void> {
  for (const [name, p] of s.procs) {
    if (name === "psp") continue;
    Object.assign(
      p.env,
      on
        ? {
            TRACING_EXPORTER: "zipkin",
            TRACING_ENDPOINT: `${zipkin}/api/v2/spans`,
            TRACING_SAMPLE_RATIO: String(ratio),
          }
        : { TRACING_EXPORTER: "none" },
    );
    await s.kill(name);
    await s.restart(name);
  }
}

/** placeOrder orders/s with `clients` at once for `seconds`, from prepared carts. */
async function measure(carts: Prepared[]): Promise<{ perSecond: number; p99Ms: number; errors: number }> {
  const { latencies, errors, elapsed, ranOut } = await closedLoop(stack, carts, clients, seconds);
  if (ranOut) progress("warning: the round ran out of prepared carts; raise BENCH_CARTS");
  return { perSecond: latencies.length / elapsed, p99Ms: percentile(latencies, 99), errors };
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? (s[mid] ?? Number.NaN) : ((s[mid - 1] ?? 0) + (s[mid] ?? 0)) / 2;
};

async function main(): Promise<void> {
  console.log(
    `Emporium tracing overhead on placeOrder — node ${process.version}; ${clients} clients, ${seconds} s a round, ${rounds} rounds each, sampling ${ratio * 100}% into Zipkin at ${zipkin}`,
  );
  progress("starting the platform (fresh database, clean topics and queues)");
  await stack.start();
  const variants = (await stockedVariants(stack, 40)).map((v) => v.id);
  for (const v of variants) await setStock(stack, v, 1_000_000);
  const tokens = (await pool(50, 10, () => tokenize(stack.pspUrl, CARDS.approve))).filter(
    (t): t is string => typeof t === "string",
  );
  const perRound = intEnv("BENCH_CARTS", clients * seconds * 40);
  const results: Record<"off" | "on", number[]> = { off: [], on: [] };
  for (let round = 1; round <= rounds; round++)
    for (const mode of ["off", "on"] as const) {
      progress(`round ${round}, tracing ${mode}: preparing ${perRound} carts`);
      const carts = await prepareCarts(stack, perRound, variants, tokens);
      // Restarted only once the saga has caught up, so no order is cut off mid-way.
      await settle(stack, 900_000);
      await setTracing(stack, mode === "on");
      const r = await measure(carts);
      results[mode].push(r.perSecond);
      console.log(
        `  round ${round}, tracing ${mode.padEnd(3)}: ${fmt(r.perSecond, 1)} orders/s, p99 ${fmt(r.p99Ms, 1)} ms, ${r.errors} errors`,
      );
    }
  const off = median(results.off);
  const on = median(results.on);
  const cost = 1 - on / off;
  console.log(
    `placeOrder with tracing at ${ratio * 100}% / off: ${fmt(on / off, 3)}× (medians ${fmt(on, 1)} vs ${fmt(off, 1)} orders/s; cost ${fmt(cost * 100, 1)}%, goal ≤ 5%: ${cost <= 0.05 ? "meets goal" : "ABOVE GOAL"})`,
  );
}

main()
  .catch((err: unknown) => {
    console.error(err instanceof Error ? (err.stack ?? err.message) : err);
    console.error(stack.logs());
    process.exitCode = 1;
  })
  .finally(() => stack.stop());
