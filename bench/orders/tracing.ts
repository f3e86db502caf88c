// Tracing overhead benchmark (not a test): `npm run orders:tracing -w @emporium/bench`. Starts the whole
// platform as separate processes on real PostgreSQL, Kafka and RabbitMQ, then measures placeOrder
// throughput (closed loop, BENCH_CLIENTS clients for BENCH_SECONDS) in paired rounds that alternate
// which arm goes first: tracing off (TRACING_EXPORTER=none) and tracing on at 10% sampling exporting to
// a real Zipkin, every process restarted between the two. Prints each round and the median of the
// rounds' on/off ratios (goal: on ≥ 0.95× off), and the same from the CPU the platform's processes
// spent per order (until the saga finished it), which a busy machine moves far less.
// Needs BENCH_ZIPKIN_URL (or TEST_ZIPKIN_URL) besides the orders benchmark's servers. Tuning:
// BENCH_CLIENTS (10), BENCH_SECONDS (15), BENCH_ROUNDS (2 pairs), BENCH_SAMPLE_RATIO (0.1).
import { CARDS, pool, setStock, stockedVariants, tokenize, type Stack } from "@emporium/system-tests";
import { percentile, progress } from "../catalog/stats";
import {
  pairedRounds,
  printCost,
  tracingEnv,
  tracingSettingsFromEnv,
  type Arm,
  type ArmResult,
} from "../shared/tracing-rounds";
import { cpuBetween, cpuSnapshot } from "./cpu";
import { benchStack, closedLoop, intEnv, prepareCarts, settle, type Prepared } from "./load";

const clients = intEnv("BENCH_CLIENTS", 10);
const seconds = intEnv("BENCH_SECONDS", 15);
const rounds = intEnv("BENCH_ROUNDS", 2);
const tracing = tracingSettingsFromEnv();
const stack = benchStack();

/**
 * Every process restarted with tracing off, or on at the ratio into Zipkin — save the PSP simulator,
 * whose card tokens live in its memory (it serves no span of the saga's anyway).
 */
async function setTracing(s: Stack, arm: Arm): Promise<void> {
  for (const [name, p] of s.procs) {
    if (name === "psp") continue;
    Object.assign(p.env, tracingEnv(arm, tracing));
    await s.kill(name);
    await s.restart(name);
  }
}

/**
 * placeOrder orders/s with `clients` at once for `seconds`, from prepared carts; and the CPU the
 * platform's processes spent per order, from the first order until the saga has finished the last.
 */
async function measure(carts: Prepared[]): Promise<ArmResult> {
  const named = stack.pids();
  const before = cpuSnapshot(named);
  const { latencies, errors, elapsed, ranOut } = await closedLoop(stack, carts, clients, seconds);
  if (ranOut) progress("warning: the round ran out of prepared carts; raise BENCH_CARTS");
  await settle(stack, 900_000);
  const used = cpuBetween(before, cpuSnapshot(named));
  const platform = [...new Set(named.values())].reduce((sum, name) => sum + (used.get(name) ?? 0), 0);
  return {
    perSecond: latencies.length / elapsed,
    p99Ms: percentile(latencies, 99),
    errors,
    cpuMsPerOp: (platform * 1000) / Math.max(1, latencies.length),
  };
}

async function main(): Promise<void> {
  console.log(
    `Emporium tracing overhead on placeOrder — node ${process.version}; ${clients} clients, ${seconds} s a run, ${rounds} paired rounds, sampling ${tracing.ratio * 100}% into Zipkin at ${tracing.zipkin}`,
  );
  progress("starting the platform (fresh database, clean topics and queues)");
  await stack.start();
  const variants = (await stockedVariants(stack, 40)).map((v) => v.id);
  for (const v of variants) await setStock(stack, v, 1_000_000);
  const tokens = (await pool(50, 10, () => tokenize(stack.pspUrl, CARDS.approve))).filter(
    (t): t is string => typeof t === "string",
  );
  const perRound = intEnv("BENCH_CARTS", clients * seconds * 40);
  const pairs = await pairedRounds(rounds, "orders/s", async (arm, round) => {
    progress(`round ${round}, tracing ${arm}: preparing ${perRound} carts`);
    const carts = await prepareCarts(stack, perRound, variants, tokens);
    // Restarted only once the saga has caught up, so no order is cut off mid-way.
    await settle(stack, 900_000);
    await setTracing(stack, arm);
    return measure(carts);
  });
  printCost("placeOrder", "orders/s", tracing.ratio, pairs);
}

main()
  .catch((err: unknown) => {
    console.error(err instanceof Error ? (err.stack ?? err.message) : err);
    console.error(stack.logs());
    process.exitCode = 1;
  })
  .finally(() => stack.stop());
