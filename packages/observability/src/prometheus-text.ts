// Reads the Prometheus text format (what every process serves on /metrics) into samples, for the admin's
// operations console and the system test of label cardinality. Only what they need: `name{label="value",…}
// number` lines; comments, timestamps and exemplars are passed over, and a line that does not parse is
// skipped rather than failing the console's page.

export interface Sample {
  name: string;
  labels: Record<string, string>;
  value: number;
}

const SAMPLE = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{(.*)\})?\s+(\S+)/;
const LABEL = /([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\]|\\.)*)"/g;

function unescape(value: string): string {
  return value.replace(/\\(["\\n])/g, (_, c: string) => (c === "n" ? "\n" : c));
}

function numberOf(text: string): number | null {
  if (text === "+Inf") return Infinity;
  if (text === "-Inf") return -Infinity;
  const n = Number(text);
  return Number.isNaN(n) ? null : n;
}

/** The samples of the families named in `wanted` (all of them when it is not given). */
export function parsePrometheusText(text: string, wanted?: ReadonlySet<string>): Sample[] {
  const samples: Sample[] = [];
  for (const line of text.split("\n")) {
    if (line === "" || line.startsWith("#")) continue;
    const match = SAMPLE.exec(line);
    if (!match) continue;
    const [, name = "", labelText = "", valueText = ""] = match;
    if (wanted && !wanted.has(name)) continue;
    const value = numberOf(valueText);
    if (value === null) continue;
    const labels: Record<string, string> = {};
    for (const [, key = "", raw = ""] of labelText.matchAll(LABEL)) labels[key] = unescape(raw);
    samples.push({ name, labels, value });
  }
  return samples;
}
