// Label cardinality across every process of the running platform, after real traffic (browsing,
// searching, orders approved and declined): each process's /metrics is scraped and every label value
// must come from a bounded set — nothing that looks like an id (a UUID, a long number, an email, an
// order number, a long slug) — and no metric may hold more than a fixed number of series. An id in a
// label makes a series per order or product, which is what breaks a Prometheus server.
import { expect, it } from "vitest";
import { parsePrometheusText } from "@emporium/observability/prometheus-text";
import { describeSystem, mixedTraffic } from "../src";

/** More series than this for one metric in one process is a label that grows with traffic. */
const MAX_SERIES_PER_METRIC = 200;

const ID_LIKE: [string, RegExp][] = [
  ["a UUID", /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i],
  ["a long number", /\d{6,}/],
  ["an email address", /[^@\s]+@[^@\s]+\.[a-z]{2,}/i],
  ["an order number", /\bEMP-/i],
  ["a long slug", /^[a-z0-9]+(-[a-z0-9]+){4,}$/],
  ["a hex id", /^[0-9a-f]{16,}$/i],
];

describeSystem("metric label cardinality", { products: 40, carrierStepMs: 100 }, (platform) => {
  it("labels every process's series with bounded values, never an id", async () => {
    const stack = platform();
    await mixedTraffic(stack, { orders: 24, concurrency: 6, variants: 8, products: 12 });

    const problems: string[] = [];
    for (const proc of stack.procs.values()) {
      const res = await fetch(`http://127.0.0.1:${proc.port}/metrics`);
      expect(res.status, proc.name).toBe(200);
      const series = parsePrometheusText(await res.text());
      expect(series.length, proc.name).toBeGreaterThan(0);
      const perMetric = new Map<string, number>();
      for (const s of series) {
        // A histogram's buckets, sum and count are one metric.
        const metric = s.name.replace(/_(bucket|sum|count)$/, "");
        perMetric.set(metric, (perMetric.get(metric) ?? 0) + 1);
        for (const [label, value] of Object.entries(s.labels))
          for (const [what, pattern] of ID_LIKE)
            if (pattern.test(value))
              problems.push(`${proc.name}: ${metric}{${label}="${value}"} looks like ${what}`);
      }
      for (const [metric, count] of perMetric)
        if (count > MAX_SERIES_PER_METRIC) problems.push(`${proc.name}: ${metric} has ${count} series`);
    }
    expect([...new Set(problems)]).toEqual([]);
  });
});
