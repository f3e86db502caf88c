// Where tracing's per-request cost comes from (not a test): `npm run tracing:floor -w @emporium/bench`.
// A tiny HTTP server (observability/span-server.ts) answers a fixed 2 KB JSON after one await — about
// the work of a catalog answer from its caches — in four arms, each its own process: tracing off; only
// an OpenTelemetry context per request (AsyncLocalStorage: the cost of context propagation on Node's
// promises); inServerSpan at 0.01% sampling (the span machinery, nothing recorded); inServerSpan at 10%
// (recorded into memory, no exporter). Autocannon loads each (BENCH_CONNECTIONS, BENCH_DURATION after
// BENCH_WARMUP) in BENCH_ROUNDS rounds that rotate the order; it prints the server's CPU per request
// (/proc) and each arm's extra microseconds over "off". Needs nothing but Node.
import { spawn } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";
import autocannon from "autocannon";
import { cpuBetween, cpuSnapshot } from "../orders/cpu";
import { freePort, loadOptionsFromEnv, stop } from "../catalog/http";
import { fmt, intFromEnv, progress } from "../catalog/stats";
import { median } from "../shared/tracing-rounds";

const here = path.dirname(fileURLToPath(import.meta.url));
const rounds = intFromEnv("BENCH_ROUNDS", 3);
const options = loadOptionsFromEnv();
const ARMS = [
  { name: "off", args: ["off"] },
  { name: "context only", args: ["context", "0.1"] },
  { name: "span at 0.01%", args: ["span", "0.0001"] },
  { name: "span at 10%", args: ["span", "0.1"] },
] as const;

/** µs of the server's CPU per request, and its req/s, for one arm in a fresh process. */
async function measure(args: readonly string[]): Promise<{ cpuUs: number; perSecond: number }> {
  const port = await freePort();
  const child = spawn(
    process.execPath,
    ["--import", "tsx", path.join(here, "span-server.ts"), args[0] ?? "off", String(port), args[1] ?? "0.1"],
    { stdio: ["ignore", "pipe", "inherit"] },
  );
  try {
    await new Promise<void>((resolve, reject) => {
      child.stdout?.once("data", () => resolve());
      child.once("exit", (code) => reject(new Error(`the span server exited (${code}) before it was ready`)));
    });
    const url = `http://127.0.0.1:${port}/`;
    await autocannon({ url, connections: options.connections, duration: options.warmupSeconds });
    const named = new Map([[child.pid ?? -1, "server"]]);
    const before = cpuSnapshot(named);
    const r = await autocannon({ url, connections: options.connections, duration: options.durationSeconds });
    const seconds = cpuBetween(before, cpuSnapshot(named)).get("server") ?? 0;
    if (r.errors + r.non2xx > 0) throw new Error(`${r.errors + r.non2xx} failed requests`);
    return { cpuUs: (seconds * 1e6) / Math.max(1, r.requests.total), perSecond: r.requests.average };
  } finally {
    await stop(child);
  }
}

async function main(): Promise<void> {
  console.log(
    `Tracing's per-request floor — node ${process.version}; ${options.connections} connections, ${options.warmupSeconds} s warm-up + ${options.durationSeconds} s a run, ${rounds} rounds`,
  );
  const cpu = new Map<string, number[]>(ARMS.map((a) => [a.name, []]));
  for (let round = 1; round <= rounds; round++) {
    // Each round starts with the next arm, so no arm always runs first (or last) on a machine that drifts.
    const order = ARMS.map((_, i) => ARMS[(i + round - 1) % ARMS.length]!);
    for (const arm of order) {
      progress(`round ${round}: ${arm.name}`);
      const m = await measure(arm.args);
      cpu.get(arm.name)?.push(m.cpuUs);
      console.log(
        `  round ${round}, ${arm.name.padEnd(14)}: ${fmt(m.perSecond)} req/s, ${fmt(m.cpuUs, 1)} µs CPU a request`,
      );
    }
  }
  const off = median(cpu.get("off") ?? []);
  console.log(`server CPU per request, median of ${rounds} rounds (extra over "off"):`);
  for (const arm of ARMS) {
    const us = median(cpu.get(arm.name) ?? []);
    console.log(
      `  ${arm.name.padEnd(14)} ${fmt(us, 1)} µs  (+${fmt(us - off, 1)} µs, ${fmt((us / off) * 100 - 100, 1)}%)`,
    );
  }
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? (err.stack ?? err.message) : err);
  process.exit(1);
});
