// The two sides of check-observability's metric-name check: the names a PromQL expression reads
// (metricNamesIn, from @emporium/observability/promql), and the names the code registers (prom-client
// `new Counter|Gauge|Histogram|Summary({ name: "…" })` declarations, with the series a histogram or
// summary exposes).
import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";

// The name scan is shared with the system test that compares the dashboards with a running Prometheus.
export { metricNamesIn } from "@emporium/observability/promql";

export type MetricKind = "counter" | "gauge" | "histogram" | "summary";

/** The series names a metric of this kind exposes. */
export function exposedNames(name: string, kind: MetricKind): string[] {
  if (kind === "histogram") return [`${name}_bucket`, `${name}_sum`, `${name}_count`];
  if (kind === "summary") return [name, `${name}_sum`, `${name}_count`];
  return [name];
}

// `name:` anywhere in the options before the first closing brace (help, labelNames… may come first).
const DECLARATION =
  /new\s+(Counter|Gauge|Histogram|Summary)\s*(?:<[^>]*>)?\s*\(\s*\{[^}]*?\bname:\s*["'`]([a-zA-Z_:][a-zA-Z0-9_:]*)["'`]/g;

/** Metric declarations in one source text: name and kind. */
export function declaredMetrics(source: string): { name: string; kind: MetricKind }[] {
  return [...source.matchAll(DECLARATION)].map((m) => ({
    name: m[2] ?? "",
    kind: (m[1] ?? "").toLowerCase() as MetricKind,
  }));
}

const SKIP_DIRS = new Set(["node_modules", "dist", ".next", ".turbo", "generated", "test", "e2e"]);

/** Every non-test TypeScript source under `dirs`, for declaredMetrics. */
export function sourceFiles(dirs: string[]): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (entry.isDirectory()) {
        if (!SKIP_DIRS.has(entry.name)) walk(path.join(dir, entry.name));
      } else if (/\.(ts|tsx|mts)$/.test(entry.name) && !/\.(test|spec|e2e)\.tsx?$/.test(entry.name)) {
        out.push(path.join(dir, entry.name));
      }
    }
  };
  for (const dir of dirs) walk(dir);
  return out.sort();
}

/** name → the file that declares it, for every metric declared under `dirs`. */
export function registeredMetrics(dirs: string[]): Map<string, string> {
  const found = new Map<string, string>();
  for (const file of sourceFiles(dirs)) {
    for (const { name, kind } of declaredMetrics(readFileSync(file, "utf8")))
      for (const series of exposedNames(name, kind)) if (!found.has(series)) found.set(series, file);
  }
  return found;
}
