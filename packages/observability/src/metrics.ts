// Prometheus metrics for one process: Node's default metrics, RED per procedure (rate, errors,
// duration) and the log lines the log shipper dropped (log-drops.ts). Each process owns one registry
// and serves it on /metrics.
import { Counter, Histogram, Registry, collectDefaultMetrics } from "prom-client";
import { registerLogDropMetric } from "./log-drops";

export interface ServiceMetrics {
  registry: Registry;
  /** Records one finished procedure call. */
  observeProcedure(procedure: string, type: string, code: string, seconds: number): void;
  /** Renders the registry in Prometheus text format. */
  render(): Promise<{ contentType: string; body: string }>;
}

export function createServiceMetrics(service: string): ServiceMetrics {
  const registry = new Registry();
  registry.setDefaultLabels({ service });
  collectDefaultMetrics({ register: registry });
  registerLogDropMetric(registry);
  const duration = new Histogram({
    name: "rpc_server_duration_seconds",
    help: "Duration of tRPC procedure calls",
    labelNames: ["procedure", "type", "code"],
    buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [registry],
  });
  const errors = new Counter({
    name: "rpc_server_errors_total",
    help: "tRPC procedure calls that ended in an error, by code",
    labelNames: ["procedure", "type", "code"],
    registers: [registry],
  });
  return {
    registry,
    observeProcedure(procedure, type, code, seconds) {
      duration.observe({ procedure, type, code }, seconds);
      if (code !== "OK") errors.inc({ procedure, type, code });
    },
    async render() {
      return { contentType: registry.contentType, body: await registry.metrics() };
    },
  };
}

const PROCESS_METRICS: unique symbol = Symbol.for("emporium.process-metrics");

/**
 * The process's one registry, made on first use. For the Next.js apps, whose routes are bundled apart
 * (module state there can exist once per bundle): it is kept on globalThis, so /metrics and every route
 * that records something share it.
 */
export function processMetrics(service: string): ServiceMetrics {
  const holder = globalThis as typeof globalThis & { [PROCESS_METRICS]?: ServiceMetrics };
  holder[PROCESS_METRICS] ??= createServiceMetrics(service);
  return holder[PROCESS_METRICS];
}

/** A GET handler serving the process's registry in Prometheus text format (the apps' /metrics). */
export function metricsRoute(service: string): () => Promise<Response> {
  return async () => {
    const { contentType, body } = await processMetrics(service).render();
    return new Response(body, { headers: { "content-type": contentType, "cache-control": "no-store" } });
  };
}
