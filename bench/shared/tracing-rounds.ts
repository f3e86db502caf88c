// What the tracing-overhead benchmarks share (orders:tracing, catalog:tracing): the tracing variables of
// each arm, paired rounds that alternate which arm goes first (so a machine growing busier or quieter
// during the run weighs on both arms alike), and the printing of each round and of the cost.
import { fmt } from "../catalog/stats";

export const ARMS = ["off", "on"] as const;
export type Arm = (typeof ARMS)[number];

export interface ArmResult {
  perSecond: number;
  p99Ms: number;
  errors: number;
  /**
   * CPU milliseconds the measured processes spent per operation (from /proc): what tracing costs in
   * work, steadier on a shared machine than the throughput, which moves with whatever else runs.
   */
  cpuMsPerOp?: number;
}

/** Issue 16's goal: tracing and metrics on cost at most 5% of the throughput. */
export const GOAL_COST = 0.05;

export interface TracingSettings {
  /** Zipkin's base URL (BENCH_ZIPKIN_URL or TEST_ZIPKIN_URL), without a trailing slash. */
  zipkin: string;
  /** The share of traces recorded with tracing on (BENCH_SAMPLE_RATIO, default 0.1). */
  ratio: number;
}

export function tracingSettingsFromEnv(): TracingSettings {
  const zipkin = process.env.BENCH_ZIPKIN_URL || process.env.TEST_ZIPKIN_URL;
  if (!zipkin) throw new Error("set BENCH_ZIPKIN_URL or TEST_ZIPKIN_URL (Zipkin's base URL)");
  const ratio = Number(process.env.BENCH_SAMPLE_RATIO ?? "0.1");
  if (!(ratio > 0 && ratio <= 1)) throw new Error("BENCH_SAMPLE_RATIO must be in (0, 1]");
  return { zipkin: zipkin.replace(/\/$/, ""), ratio };
}

/** A process's tracing variables for one arm: off, or on at the ratio into Zipkin. */
export function tracingEnv(arm: Arm, s: TracingSettings): Record<string, string> {
  return arm === "on"
    ? {
        TRACING_EXPORTER: "zipkin",
        TRACING_ENDPOINT: `${s.zipkin}/api/v2/spans`,
        TRACING_SAMPLE_RATIO: String(s.ratio),
      }
    : { TRACING_EXPORTER: "none" };
}

/**
 * How many traces of `service` Zipkin holds that started since `sinceMs` (epoch ms), up to `limit` —
 * proof that the "on" arm recorded and exported what it was meant to.
 */
export async function tracesInZipkin(
  s: TracingSettings,
  service: string,
  sinceMs: number,
  limit = 10_000,
): Promise<number> {
  const now = Date.now();
  const query = new URLSearchParams({
    serviceName: service,
    endTs: String(now),
    lookback: String(Math.max(1, now - sinceMs)),
    limit: String(limit),
  });
  const res = await fetch(`${s.zipkin}/api/v2/traces?${query.toString()}`);
  if (!res.ok) throw new Error(`Zipkin answered ${res.status} to a trace search`);
  const traces: unknown = await res.json();
  return Array.isArray(traces) ? traces.length : 0;
}

export function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? (s[mid] ?? Number.NaN) : ((s[mid - 1] ?? Number.NaN) + (s[mid] ?? Number.NaN)) / 2;
}

export interface Paired {
  off: ArmResult;
  on: ArmResult;
}

/**
 * `rounds` pairs of runs, off then on in odd rounds and on then off in even ones; each run's line is
 * printed as it ends (`unit` such as "orders/s" or "req/s").
 */
export async function pairedRounds(
  rounds: number,
  unit: string,
  measure: (arm: Arm, round: number) => Promise<ArmResult>,
): Promise<Paired[]> {
  const pairs: Paired[] = [];
  for (let round = 1; round <= rounds; round++) {
    const order = round % 2 === 1 ? ARMS : ([...ARMS].reverse() as Arm[]);
    const got: Partial<Record<Arm, ArmResult>> = {};
    for (const arm of order) {
      const r = await measure(arm, round);
      got[arm] = r;
      const cpu = r.cpuMsPerOp === undefined ? "" : `, CPU ${fmt(r.cpuMsPerOp, 3)} ms each`;
      console.log(
        `  round ${round}, tracing ${arm.padEnd(3)}: ${fmt(r.perSecond, 1)} ${unit}, p99 ${fmt(r.p99Ms, 1)} ms${cpu}, ${r.errors} errors`,
      );
    }
    if (!got.off || !got.on) throw new Error(`round ${round} measured only one arm`);
    pairs.push({ off: got.off, on: got.on });
  }
  return pairs;
}

/**
 * The summary line: the median of the rounds' on/off ratios (each pair ran back to back, so it is the
 * figure least moved by a noisy machine), the medians of each arm, and the cost against the goal —
 * not judged when `caveat` says why the figures cannot be.
 */
export function printCost(
  subject: string,
  unit: string,
  ratio: number,
  pairs: readonly Paired[],
  caveat?: string,
): void {
  const perRound = pairs.map((p) => p.on.perSecond / p.off.perSecond);
  const paired = median(perRound);
  const on = median(pairs.map((p) => p.on.perSecond));
  const off = median(pairs.map((p) => p.off.perSecond));
  const p99 = (arm: Arm) => fmt(median(pairs.map((p) => p[arm].p99Ms)), 1);
  const cost = 1 - paired;
  console.log(
    `${subject} with tracing at ${ratio * 100}% / off: ${fmt(paired, 3)}× (median of the rounds' ratios ${perRound.map((r) => fmt(r, 3)).join(", ")}; ` +
      `medians ${fmt(on, 1)} vs ${fmt(off, 1)} ${unit}, p99 ${p99("on")} vs ${p99("off")} ms; ` +
      `cost ${fmt(cost * 100, 1)}%, goal ≤ ${GOAL_COST * 100}%: ${caveat ? `NOT JUDGED, ${caveat}` : cost <= GOAL_COST ? "meets goal" : "ABOVE GOAL"})`,
  );
  const cpu = pairs.map((p) => [p.off.cpuMsPerOp, p.on.cpuMsPerOp]);
  if (cpu.every(([off, on]) => off !== undefined && on !== undefined)) {
    // Throughput on a CPU-bound machine is the inverse of the CPU each operation takes.
    const perRoundCpu = cpu.map(([off = 1, on = 1]) => off / on);
    const cpuRatio = median(perRoundCpu);
    console.log(
      `${subject} CPU per operation, as a throughput ratio (off/on CPU): ${fmt(cpuRatio, 3)}× (rounds ${perRoundCpu.map((r) => fmt(r, 3)).join(", ")}; ` +
        `medians ${fmt(median(cpu.map(([, on = 0]) => on)), 3)} vs ${fmt(median(cpu.map(([off = 0]) => off)), 3)} ms; cost ${fmt((1 - cpuRatio) * 100, 1)}%)`,
    );
  }
}
