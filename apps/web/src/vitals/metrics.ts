// The web vitals the storefront's browsers report, as histograms on the process's registry (served at
// /metrics): Largest Contentful Paint and Interaction to Next Paint in seconds, Cumulative Layout Shift
// as the unitless score, each by kind of page. Buckets straddle the "good" and "poor" thresholds
// (LCP 2.5 s / 4 s, INP 200 ms / 500 ms, CLS 0.1 / 0.25).
import { processMetrics } from "@emporium/observability/metrics";
import { Histogram, type Registry } from "prom-client";
import type { VitalsPage } from "./pages";

export type VitalName = "LCP" | "INP" | "CLS";

const HISTOGRAMS: Record<VitalName, { name: string; help: string; buckets: number[]; scale: number }> = {
  LCP: {
    name: "web_vitals_lcp_seconds",
    help: "Largest Contentful Paint reported by shoppers' browsers, by kind of page",
    buckets: [0.5, 1, 1.5, 2, 2.5, 3, 4, 5, 7.5, 10, 20],
    scale: 1 / 1000,
  },
  INP: {
    name: "web_vitals_inp_seconds",
    help: "Interaction to Next Paint reported by shoppers' browsers, by kind of page",
    buckets: [0.05, 0.1, 0.15, 0.2, 0.3, 0.5, 0.75, 1, 2, 5],
    scale: 1 / 1000,
  },
  CLS: {
    name: "web_vitals_cls",
    help: "Cumulative Layout Shift reported by shoppers' browsers, by kind of page",
    buckets: [0.01, 0.05, 0.1, 0.15, 0.25, 0.5, 1],
    scale: 1,
  },
};

function histogram(registry: Registry, vital: VitalName): Histogram {
  const { name, help, buckets } = HISTOGRAMS[vital];
  const existing = registry.getSingleMetric(name);
  if (existing instanceof Histogram) return existing;
  return new Histogram({ name, help, buckets, labelNames: ["page"], registers: [registry] });
}

/** Records one reported vital; `value` as the browser gives it (milliseconds for LCP and INP). */
export function observeVital(
  vital: VitalName,
  page: VitalsPage,
  value: number,
  registry: Registry = processMetrics("web").registry,
): void {
  histogram(registry, vital).observe({ page }, value * HISTOGRAMS[vital].scale);
}
