// Graceful shutdown on SIGTERM/SIGINT: answer /readyz 503 and keep serving for the drain (so that the
// gateway and Kubernetes stop sending work), then stop taking work, finish what is in flight, close
// connections, send the buffered spans and log lines, exit. A second signal, or a stop that hangs past the deadline, exits at once.
import { stopTracing, type Logger } from "@emporium/observability";
import { drain } from "./draining";
import { stopLogShipping } from "./logging";

export interface ShutdownOptions {
  /** How long /readyz says "draining" while requests are still served, before `stop` (default 0). */
  drainMs?: number;
  /** How long `stop` may take after the drain before the process exits anyway (default 25 s). */
  deadlineMs?: number;
}

export function onShutdown(log: Logger, stop: () => Promise<void>, options: ShutdownOptions = {}): void {
  const { drainMs = 0, deadlineMs = 25_000 } = options;
  let stopping = false;
  const handler = (signal: NodeJS.Signals) => {
    if (stopping) process.exit(1);
    stopping = true;
    log.info({ signal, drainMs }, "shutting down");
    const timer = setTimeout(() => {
      log.error("shutdown took too long; exiting");
      process.exit(1);
    }, drainMs + deadlineMs);
    timer.unref();
    drain(drainMs)
      .then(stop)
      // The spans still buffered are sent before the process goes.
      .then(stopTracing)
      .then(() => {
        log.info("stopped");
        // The log lines still buffered for the log store, this last one included.
        return stopLogShipping();
      })
      .then(
        () => process.exit(0),
        (err: unknown) => {
          log.error({ err }, "shutdown failed");
          process.exit(1);
        },
      );
  };
  process.on("SIGTERM", handler);
  process.on("SIGINT", handler);
}
