// What a Next.js app's instrumentation (src/instrumentation.ts of the storefront and the admin) does, in
// one place for both: at start-up, tracing, the logger and draining on SIGTERM; for every server-side
// request error Next.js reports, one line of that logger. Node.js runtime only.
import { exitAfterDrainOnSignal } from "./draining";
import {
  appLogger,
  requestErrorLine,
  stopAppLogging,
  type FailedRequest,
  type FailedRequestContext,
} from "./app-logging";
import type { LoggingEnv } from "./logging";
import { startTracingFrom, type TracingEnv } from "./tracing";

export interface NextAppEnv extends TracingEnv, LoggingEnv {
  /** On SIGTERM, how long /readyz answers 503 while requests are still served. */
  SHUTDOWN_DRAIN_MS: number;
}

/**
 * The instrumentation's register(): tracing when TRACING_EXPORTER says where to send spans (Next.js then
 * reports its own spans — each request, its rendering, each fetch — to the provider registered here, and
 * every fetch to a backend carries the request's traceparent), then the app's logger. Started with
 * NEXT_MANUAL_SIG_HANDLE set (the start script, the image), Next leaves SIGTERM to the app, which drains
 * for SHUTDOWN_DRAIN_MS — /readyz answers 503 meanwhile, so the gateway stops sending requests — then
 * sends the log lines still buffered and exits.
 */
export async function startNextApp(e: NextAppEnv, service: string): Promise<void> {
  await startTracingFrom(e, service);
  const log = appLogger(e, service);
  if (!process.env.NEXT_MANUAL_SIG_HANDLE) return;
  exitAfterDrainOnSignal(e.SHUTDOWN_DRAIN_MS, (message) => log.info(message), stopAppLogging);
}

/** The instrumentation's onRequestError(): the error as one line of the app's logger (requestErrorLine). */
export function logRequestError(
  e: LoggingEnv,
  service: string,
  error: unknown,
  request: Readonly<FailedRequest>,
  context: Readonly<FailedRequestContext>,
): void {
  const { fields, msg } = requestErrorLine(error, request, context);
  appLogger(e, service).error(fields, msg);
}
