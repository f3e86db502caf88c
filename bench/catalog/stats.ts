// Small helpers shared by the two halves of the catalog benchmark.

export interface Figures {
  label: string;
  perSecond: number;
  p50Ms: number;
  p99Ms: number;
  count: number;
  errors: number;
}

export function percentile(sortedMs: readonly number[], p: number): number {
  if (sortedMs.length === 0) return Number.NaN;
  const index = Math.min(sortedMs.length - 1, Math.ceil((p / 100) * sortedMs.length) - 1);
  return sortedMs[Math.max(0, index)] ?? Number.NaN;
}

export function fmt(n: number, digits = 0): string {
  if (!Number.isFinite(n)) return "n/a";
  return n.toLocaleString("en-US", { minimumFractionDigits: digits, maximumFractionDigits: digits });
}

/** A positive integer from the environment (the benchmarks' tuning knobs), or the fallback when unset. */
export function intFromEnv(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === "") return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n <= 0) throw new Error(`${name} must be a positive integer, got "${raw}"`);
  return n;
}

export function verdict(ok: boolean): string {
  return ok ? "meets goal" : "BELOW GOAL";
}

export function progress(message: string): void {
  const t = new Date().toISOString().slice(11, 19);
  process.stderr.write(`[bench ${t}] ${message}\n`);
}

export function printTable(title: string, rows: readonly Figures[], unit: string): void {
  const header = ["", `${unit}/s`, "p50 ms", "p99 ms", unit === "req" ? "requests" : "queries", "errors"];
  const lines = rows.map((r) => [
    r.label,
    fmt(r.perSecond),
    fmt(r.p50Ms, 2),
    fmt(r.p99Ms, 2),
    fmt(r.count),
    fmt(r.errors),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => (l[i] ?? "").length)));
  const render = (cells: readonly string[]): string =>
    cells.map((c, i) => (i === 0 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0))).join("  ");
  console.log(`\n${title}`);
  console.log(render(header));
  console.log(widths.map((w) => "-".repeat(w)).join("  "));
  for (const l of lines) console.log(render(l));
}

/** Peak and current resident set size of a Linux process, in MiB (null where /proc is unavailable). */
export async function memoryOf(pid: number): Promise<{ peakMiB: number; currentMiB: number } | null> {
  const { readFile } = await import("node:fs/promises");
  try {
    const status = await readFile(`/proc/${pid}/status`, "utf8");
    const kib = (key: string): number => {
      const m = new RegExp(`^${key}:\\s+(\\d+) kB`, "m").exec(status);
      return m?.[1] ? Number(m[1]) : Number.NaN;
    };
    return { peakMiB: kib("VmHWM") / 1024, currentMiB: kib("VmRSS") / 1024 };
  } catch {
    return null;
  }
}
