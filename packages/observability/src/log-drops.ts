// Log lines the shipper (log-shipping.ts) could not send, as operators see them: one counter per process,
// log_lines_dropped_total{reason}, in every registry createServiceMetrics makes. The tally lives on
// globalThis (like processMetrics) because the shipper is one per process while registries are made per
// service — and in the Next.js apps a module can exist once per bundle. Every reason is exported from
// the start, at 0, so a dashboard and an alert see the series before anything is lost, and a process
// that does not ship logs at all still shows a flat zero.
import { Counter, type Registry } from "prom-client";

/** Why a line was lost: a closed set, so the label stays bounded. */
export const LOG_DROP_REASONS = [
  /** The buffer was full (the store slow or away for longer than it holds). */
  "buffer_full",
  /** A whole batch failed: the store did not answer, timed out or refused the request. */
  "send_failed",
  /** The store took the batch but refused this line (a mapping conflict, a closed index…). */
  "rejected",
  /** The process was stopping: lines still buffered at close, or written after it. */
  "shutdown",
] as const;
export type LogDropReason = (typeof LOG_DROP_REASONS)[number];

const TALLY: unique symbol = Symbol.for("emporium.log-lines-dropped");

function tally(): Record<LogDropReason, number> {
  const holder = globalThis as typeof globalThis & { [TALLY]?: Record<LogDropReason, number> };
  holder[TALLY] ??= { buffer_full: 0, send_failed: 0, rejected: 0, shutdown: 0 };
  return holder[TALLY];
}

/** Adds `lines` lost for `reason` to the process's tally. */
export function countDroppedLogLines(reason: LogDropReason, lines: number): void {
  if (lines > 0) tally()[reason] += lines;
}

/** Registers log_lines_dropped_total{reason} on `registry`; it reads the process's tally when scraped. */
export function registerLogDropMetric(registry: Registry): void {
  new Counter({
    name: "log_lines_dropped_total",
    help: "Log lines the shipper could not send to the log store, by reason (stdout still has them)",
    labelNames: ["reason"],
    registers: [registry],
    collect() {
      const now = tally();
      this.reset();
      for (const reason of LOG_DROP_REASONS) this.inc({ reason }, now[reason]);
    },
  });
}
