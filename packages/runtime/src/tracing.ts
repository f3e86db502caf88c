// Tracing's configuration, the same four variables in every process's environment, and the one call
// each composition root makes first (startTracingFrom). Off unless TRACING_EXPORTER says where to send.
import { z } from "zod";
import { env } from "@emporium/config";
import { startTracing, TRACE_EXPORTERS, type TraceExporter } from "@emporium/observability";

export const tracingEnvShape = {
  TRACING_EXPORTER: z
    .enum(TRACE_EXPORTERS)
    .default("none")
    .describe(
      "Where spans go: none (tracing off, nothing loaded), zipkin (Zipkin's JSON v2 API) or otlp (OTLP over HTTP, JSON bodies).",
    ),
  TRACING_ENDPOINT: env
    .httpUrl()
    .optional()
    .describe(
      "The exporter's URL: Zipkin's http://host:9411/api/v2/spans or a collector's http://host:4318/v1/traces (default: that on localhost).",
    ),
  TRACING_SAMPLE_RATIO: z.coerce
    .number()
    .min(0, "must be between 0 and 1")
    .max(1, "must be between 0 and 1")
    .default(0.1)
    .describe(
      "The share of new traces recorded (0–1); a trace that arrives with a caller keeps the caller's decision.",
    ),
  TRACING_SERVICE_NAME: z
    .string()
    .regex(/^[a-z][a-z0-9-]{0,62}$/, "must be a lower-case name such as orders or orders-eu")
    .optional()
    .describe("The name spans are reported under (default: the process's own, e.g. orders)."),
};

export interface TracingEnv {
  TRACING_EXPORTER: TraceExporter;
  TRACING_ENDPOINT?: string | undefined;
  TRACING_SAMPLE_RATIO: number;
  TRACING_SERVICE_NAME?: string | undefined;
}

/** Starts tracing as the environment says; a composition root awaits it before anything else. */
export function startTracingFrom(e: TracingEnv, service: string): Promise<void> {
  return startTracing({
    service: e.TRACING_SERVICE_NAME ?? service,
    exporter: e.TRACING_EXPORTER,
    endpoint: e.TRACING_ENDPOINT,
    sampleRatio: e.TRACING_SAMPLE_RATIO,
  });
}
