// The metric (or recorded series) names a PromQL expression reads: a plain identifier scan, no full
// parser — enough for the expressions in the rules and dashboards of infra/observability. Used by
// .ci/check-observability.ts (every name is one the code registers) and by the system test that runs a
// real Prometheus over the platform (every name a dashboard reads is one it actually holds).
const KEYWORDS = new Set(["and", "or", "unless", "bool", "offset", "inf", "nan", "start", "end"]);

/** The metric (or recorded series) names an expression reads, in order of first use. */
export function metricNamesIn(expr: string): string[] {
  const stripped = expr
    // strings (label values, label_replace arguments), then label matchers, ranges and subqueries
    .replace(/"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'|`[^`]*`/g, '""')
    .replace(/\{[^}]*\}/g, " ")
    .replace(/\[[^\]]*\]/g, " ")
    // label lists of aggregations and vector matching
    .replace(/\b(by|without|on|ignoring|group_left|group_right)\s*\([^)]*\)/g, " ")
    .replace(/\b(group_left|group_right)\b/g, " ")
    .replace(/\boffset\s+-?[0-9a-z]+/g, " ")
    .replace(/@\s*[0-9.]+|@\s*(start|end)\(\)/g, " ")
    // Grafana's variables ($__rate_interval, ${service})
    .replace(/\$\{[^}]*\}|\$\w+/g, " ")
    // numbers, hexadecimal and exponents included
    .replace(/\b0x[0-9a-f]+\b|(?<![\w:])\d+(\.\d+)?(e[+-]?\d+)?/gi, " ");
  const names: string[] = [];
  for (const m of stripped.matchAll(/([a-zA-Z_:][a-zA-Z0-9_:]*)(\s*\()?/g)) {
    const [, name = "", call] = m;
    if (call || KEYWORDS.has(name.toLowerCase()) || names.includes(name)) continue;
    names.push(name);
  }
  return names;
}
