// The admin's logger, for server code only (it reads the environment): pino JSON lines
// under service "admin", shipped to the log store when LOG_SHIP_URL is set, each carrying the traceId of
// the request it is written in. Made once per process, at start-up (src/instrumentation.ts).
import type { Logger } from "@emporium/observability";
import { appLogger } from "@emporium/runtime/app-logging";
import { env } from "@/env";

/** The name its lines (and spans) carry. */
export const SERVICE = "admin";

export function serverLog(): Logger {
  return appLogger(env, SERVICE);
}
