// Where the saga's CPU goes (a tool, not a test): `npm run orders:profile -w @emporium/bench`. Starts the
// whole platform as processes on real PostgreSQL, Kafka and RabbitMQ, places orders at a steady rate
// (PROFILE_RATE, default 20/s, for PROFILE_SECONDS, default 20) and waits for the saga to finish them.
// It prints the CPU time each process group used per order (from /proc), then — unless PROFILE_V8=0 —
// per service the busiest packages and functions of V8's sampling profiler. The sampler counts time a
// thread waits for a core inside a call (a socket write that wakes PostgreSQL, say) as that call's, so
// its shares are of wall time, not CPU; the /proc figures are CPU.
// Needs the same variables as the orders benchmark. PROFILE_DIR keeps the .cpuprofile files.
import { mkdirSync, mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { availableParallelism, tmpdir } from "node:os";
import path from "node:path";
import { CARDS, pool, setStock, stockedVariants, tokenize, type ServiceName } from "@emporium/system-tests";
import { fmt, percentile, progress } from "../catalog/stats";
import { cpuBetween, cpuSnapshot } from "./cpu";
import { benchStack, drain, HOPS, hopLatencies, intEnv, openLoop, prepareCarts } from "./load";

const rate = intEnv("PROFILE_RATE", 20);
const seconds = intEnv("PROFILE_SECONDS", 20);
const v8 = process.env.PROFILE_V8 !== "0";
const dir = process.env.PROFILE_DIR ?? mkdtempSync(path.join(tmpdir(), "emporium-profile-"));
const SERVICES: ServiceName[] = ["catalog", "orders", "inventory", "payment", "fulfillment", "psp"];

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
  startTime: number;
  endTime: number;
}

/** `node_modules/<pkg>` (scoped too), the workspace folder, or what V8 calls it. */
function packageOf(url: string): string {
  const i = url.lastIndexOf("node_modules/");
  if (i >= 0) {
    const rest = url.slice(i + "node_modules/".length).split("/");
    return rest[0]?.startsWith("@") ? `${rest[0]}/${rest[1]}` : (rest[0] ?? url);
  }
  const ws = /\/(services|packages)\/([^/]+)\//.exec(url);
  if (ws) return `${ws[1]}/${ws[2]}`;
  if (url.startsWith("node:")) return "node (built-in)";
  return url === "" ? "(native / gc / idle)" : url;
}

function summarise(file: string): void {
  const profile = JSON.parse(readFileSync(file, "utf8")) as CpuProfile;
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const selfUs = new Map<number, number>();
  profile.samples.forEach((id, i) => selfUs.set(id, (selfUs.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)));
  const byPackage = new Map<string, number>();
  const byFunction = new Map<string, number>();
  let busy = 0;
  for (const [id, us] of selfUs) {
    const node = byId.get(id);
    if (!node) continue;
    const { functionName, url, lineNumber } = node.callFrame;
    if (functionName === "(idle)" || functionName === "(program)") continue;
    busy += us;
    const pkg = functionName === "(garbage collector)" ? "(garbage collector)" : packageOf(url);
    byPackage.set(pkg, (byPackage.get(pkg) ?? 0) + us);
    const fn = `${functionName || "(anonymous)"} ${path.basename(url)}:${lineNumber + 1}`;
    byFunction.set(fn, (byFunction.get(fn) ?? 0) + us);
  }
  const wallS = (profile.endTime - profile.startTime) / 1e6;
  const top = (m: Map<string, number>, n: number) =>
    [...m]
      .sort((a, b) => b[1] - a[1])
      .slice(0, n)
      .map(
        ([k, us]) =>
          `    ${fmt((us / busy) * 100, 1).padStart(5)}%  ${fmt(us / 1000, 0).padStart(7)} ms  ${k}`,
      )
      .join("\n");
  console.log(`  sampled busy ${fmt(busy / 1e6, 1)} s of ${fmt(wallS, 1)} s`);
  console.log(`  by package:\n${top(byPackage, 10)}`);
  console.log(`  by function (self):\n${top(byFunction, 15)}`);
}

const stack = benchStack(
  v8
    ? Object.fromEntries(
        SERVICES.map((s) => {
          mkdirSync(path.join(dir, s), { recursive: true });
          return [s, ["--cpu-prof", `--cpu-prof-dir=${path.join(dir, s)}`]];
        }),
      )
    : undefined,
);

/**
 * Transactions committed in the platform's database so far. A backend reports its counts to
 * pg_stat_database within 10 s of going idle (PostgreSQL 15), so this first waits that long.
 */
async function committedTransactions(): Promise<number> {
  await new Promise((resolve) => setTimeout(resolve, 11_000));
  const [row] = await stack.db.sql.query<{ n: string }>(
    `SELECT xact_commit::text AS n FROM pg_stat_database WHERE datname = current_database()`,
  );
  return Number(row?.n ?? 0);
}

async function main(): Promise<void> {
  progress(`starting the platform${v8 ? " with the CPU profiler on every service" : ""}`);
  await stack.start();
  const variants = (await stockedVariants(stack, 40)).map((v) => v.id);
  for (const v of variants) await setStock(stack, v, 1_000_000);
  const tokens = (await pool(20, 10, () => tokenize(stack.pspUrl, CARDS.approve))).filter(
    (t): t is string => typeof t === "string",
  );
  const carts = await prepareCarts(stack, rate * seconds, variants, tokens);
  const named = new Map<number, string>([...stack.pids(), [process.pid, "load generator (this process)"]]);
  // The platform idles while PostgreSQL's counters settle: that window gives each process's CPU and
  // the transactions committed with no orders at all (polls, timers, heartbeats).
  const idleStart = cpuSnapshot(named);
  const idleT0 = performance.now();
  const commitsIdleStart = await committedTransactions();
  const idleCommitsT0 = performance.now();
  const commitsBefore = await committedTransactions();
  const commitsT0 = performance.now();
  const idleSeconds = (commitsT0 - idleT0) / 1000;
  const before = cpuSnapshot(named);
  const idle = cpuBetween(idleStart, before);
  const idleCommitsPerS = (commitsBefore - commitsIdleStart) / ((commitsT0 - idleCommitsT0) / 1000);
  const t0 = performance.now();
  progress(`placing ${rate} orders/s for ${seconds} s`);
  const run = await openLoop(stack, rate, seconds, carts);
  progress(
    `placed ${run.placed.length} (${fmt(run.achieved, 1)}/s, ${run.errors} errors); waiting for the saga`,
  );
  progress(`saga caught up ${fmt(await drain(stack, 600_000), 0)} s after the last order`);
  const wall = (performance.now() - t0) / 1000;
  const used = [...cpuBetween(before, cpuSnapshot(named))].sort((a, b) => b[1] - a[1]);
  const commits = (await committedTransactions()) - commitsBefore;
  // Counted from one reading to the next, which spans the run and the settling wait after it.
  const commitSeconds = (performance.now() - commitsT0) / 1000;
  const orders = run.placed.length;
  const idleShare = (group: string) => (idle.get(group) ?? 0) / idleSeconds;
  // What a process costs per order beyond what it burns idle over the same wall time.
  const marginal = (group: string, s: number) => Math.max(0, s - idleShare(group) * wall) / orders;
  const row = (group: string, s: number, idleCores: number, marginalS: number) =>
    `  ${group.padEnd(32)} ${fmt(s, 1).padStart(6)} s  ${fmt((s * 1000) / orders, 1).padStart(6)} ms/order  ${fmt((s / wall) * 100, 0).padStart(4)}% of a core  ${fmt(idleCores * 100, 0).padStart(4)}%  ${fmt(marginalS * 1000, 1).padStart(6)} ms`;
  console.log(
    `\nCPU from the first order placed to the last one done (${fmt(wall, 1)} s wall, ${orders} orders${v8 ? ", V8 profiler on" : ""});`,
  );
  console.log(
    `idle: its share of a core with no orders (${fmt(idleSeconds, 0)} s before the load); per order: beyond that idle share\n` +
      `  ${"".padEnd(32)} ${"".padStart(30)} ${"".padStart(16)}  idle  per order`,
  );
  const sum = { s: 0, idle: 0, marginal: 0 };
  const platform = { idle: 0, marginal: 0 };
  for (const [group, s] of used) {
    const m = marginal(group, s);
    console.log(row(group, s, idleShare(group), m));
    sum.s += s;
    sum.idle += idleShare(group);
    sum.marginal += m;
    if (!group.startsWith("load generator") && group !== "pgbench") {
      platform.idle += idleShare(group);
      platform.marginal += m;
    }
  }
  console.log(row("all", sum.s, sum.idle, sum.marginal));
  const postgres = used.find(([group]) => group === "postgres")?.[1] ?? 0;
  const orderCommits = Math.max(0, commits - idleCommitsPerS * commitSeconds);
  console.log(
    `\nPostgreSQL committed ${fmt(commits / orders, 1)} transactions per order (${fmt(orderCommits / orders, 1)} beyond the ${fmt(idleCommitsPerS, 1)}/s it commits idle), at ${fmt((postgres * 1e6) / Math.max(commits, 1), 0)} µs of its CPU each.`,
  );
  // The floor for the benchmark's 100 orders/s: the platform's idle load plus 100 times its CPU per
  // order, all of it on this machine's cores, before any queueing — below this it cannot keep up. The
  // cost per order falls somewhat as the rate rises (relays and consumers take more per batch), so
  // this is measured at PROFILE_RATE, not a law: compare two rates to see the trend.
  console.log(
    `At 100 orders/s the platform alone would need ${fmt(platform.idle + platform.marginal * 100, 2)} cores at this run's cost (${fmt(platform.idle, 2)} idle + 100 × ${fmt(platform.marginal * 1000, 1)} ms of CPU per order at ${rate}/s); this machine has ${availableParallelism()}.`,
  );

  const hops = await hopLatencies(
    stack,
    run.placed.map((p) => p.orderId),
  );
  console.log("\nplaced → confirmed, hop by hop (ms, from the rows each step wrote):");
  hops.forEach((ms, i) =>
    console.log(
      `  ${(HOPS[i] ?? "").padEnd(48)} p50 ${fmt(percentile(ms, 50), 1).padStart(7)}  p99 ${fmt(percentile(ms, 99), 1).padStart(7)}`,
    ),
  );
}

main()
  .catch((err: unknown) => {
    console.error(err instanceof Error ? (err.stack ?? err.message) : err);
    console.error(stack.logs());
    process.exitCode = 1;
  })
  .finally(async () => {
    await stack.stop();
    for (const s of v8 ? SERVICES : []) {
      const files = readdirSync(path.join(dir, s)).filter((f) => f.endsWith(".cpuprofile"));
      console.log(`\n${s}`);
      if (files.length === 0) console.log("  (no profile written)");
      for (const f of files) summarise(path.join(dir, s, f));
    }
    if (v8) console.log(`\nprofiles: ${dir}`);
  });
