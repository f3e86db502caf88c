// The logs of a Next.js app's server (the storefront, the admin): the same pino logger and log shipping
// as every backend (createLoggerFrom: LOG_LEVEL, LOG_FORMAT, LOG_SHIP_*), and the one structured line for
// each server-side request error that Next.js reports to the instrumentation's onRequestError.
//
// A Next app's server runs several bundles — its instrumentation, each route and page — each with its
// own copy of this module, so the logger is made once and kept on globalThis (as the draining flag is):
// every bundle writes through the one made at start-up, to the one log shipper, which the
// instrumentation stops when the server exits. Lines written inside a traced request carry its traceId,
// as the backends' do.
import { activeTraceId, type Logger } from "@emporium/observability";
import { createLoggerFrom, stopLogShipping, type LoggingEnv } from "./logging";

const APP_LOGGER = Symbol.for("emporium.runtime.app-logger");

interface AppLogger {
  logger: Logger;
  /** Stops the shipper of the bundle that made the logger (a module of its own, like this one). */
  stop: () => Promise<void>;
}
type Holder = { [APP_LOGGER]?: AppLogger };

/** The logging settings out of an app's parsed environment, for the configuration object it builds. */
export function loggingEnvOf(e: LoggingEnv): LoggingEnv {
  return {
    LOG_LEVEL: e.LOG_LEVEL,
    LOG_FORMAT: e.LOG_FORMAT,
    LOG_SHIP_URL: e.LOG_SHIP_URL,
    LOG_SHIP_INDEX_PREFIX: e.LOG_SHIP_INDEX_PREFIX,
    LOG_SHIP_RETENTION_DAYS: e.LOG_SHIP_RETENTION_DAYS,
    LOG_SHIP_BUFFER: e.LOG_SHIP_BUFFER,
  };
}

/** The app's logger (made on first use from `e`); inside a traced request, a child naming its traceId. */
export function appLogger(e: LoggingEnv, service: string): Logger {
  const holder = globalThis as Holder;
  const { logger } = (holder[APP_LOGGER] ??= { logger: createLoggerFrom(e, service), stop: stopLogShipping });
  const traceId = activeTraceId();
  return traceId ? logger.child({ traceId }) : logger;
}

/** Sends the log lines still buffered and stops shipping them; for the server's exit. */
export async function stopAppLogging(): Promise<void> {
  await (globalThis as Holder)[APP_LOGGER]?.stop();
}

/** What Next.js hands onRequestError about the request (next's InstrumentationOnRequestError). */
export interface FailedRequest {
  /** The URL path with its query string. */
  path: string;
  method: string;
  headers: NodeJS.Dict<string | string[]>;
}

/** What Next.js hands onRequestError about where the error happened (next's RequestErrorContext). */
export interface FailedRequestContext {
  routerKind: "Pages Router" | "App Router";
  /** The route's pattern, e.g. /p/[slug]. */
  routePath: string;
  routeType: "render" | "route" | "action" | "proxy";
  renderSource?: "react-server-components" | "react-server-components-payload" | "server-rendering";
  revalidateReason: "on-demand" | "stale" | undefined;
}

export interface RequestErrorLine {
  fields: {
    route: string;
    /** The path without its query string, which may carry a token (a confirmation link's). */
    path: string;
    method: string;
    routerKind: string;
    routeType: string;
    renderSource?: string;
    revalidateReason?: string;
    err: { type: string; message: string; digest?: string; stack?: string };
  };
  msg: string;
}

function describeError(error: unknown): RequestErrorLine["fields"]["err"] {
  if (!(error instanceof Error)) return { type: typeof error, message: String(error) };
  // React replaces a server component's error with one that carries a digest, the id Next shows the
  // browser ("digest: …"): with it an operator finds the line a shopper's screen refers to.
  const digest = "digest" in error && typeof error.digest === "string" ? error.digest : undefined;
  return {
    type: error.name,
    message: error.message,
    ...(digest ? { digest } : {}),
    ...(error.stack ? { stack: error.stack } : {}),
  };
}

/**
 * The log line for one request error Next.js reports: where (route, path, method, router, render
 * source) and what (the error's type, message, digest, stack). The request's headers are left out —
 * they hold the session cookie and any authorization — and so is the query string.
 */
export function requestErrorLine(
  error: unknown,
  request: Readonly<FailedRequest>,
  context: Readonly<FailedRequestContext>,
): RequestErrorLine {
  const path = request.path.split(/[?#]/, 1)[0] ?? "";
  const err = describeError(error);
  return {
    fields: {
      route: context.routePath,
      path,
      method: request.method,
      routerKind: context.routerKind,
      routeType: context.routeType,
      ...(context.renderSource ? { renderSource: context.renderSource } : {}),
      ...(context.revalidateReason ? { revalidateReason: context.revalidateReason } : {}),
      err,
    },
    msg: `${request.method} ${context.routePath} failed: ${err.message}`,
  };
}

/**
 * Whether a failed call to a backend is the backend's fault — no answer at all (down, unreachable, timed
 * out) or an internal error (5xx) — rather than its answer about the request (not found, bad input, a
 * limit), which the page shows the person and an operator need not hear of. Read from the tRPC client
 * error's data without importing the client, so any thrown value can be asked about.
 */
export function backendFault(error: unknown): boolean {
  const data: unknown = typeof error === "object" && error !== null ? Reflect.get(error, "data") : undefined;
  const status: unknown =
    typeof data === "object" && data !== null ? Reflect.get(data, "httpStatus") : undefined;
  return typeof status !== "number" || status >= 500;
}

/** The part of a logger next-auth's errors are written through. */
export interface LineWriter {
  error(fields: object, msg: string): void;
  warn(fields: object, msg: string): void;
}

/**
 * next-auth's logger (NextAuthOptions.logger): what next-auth reports — a sign-in through the OpenID
 * Connect provider that failed, a session cookie it could not read, a sign-out event that threw — as
 * lines of the app's logger rather than console output. Only the code, the provider and the error are
 * kept: next-auth's other details can hold the provider's answers and tokens.
 */
export function nextAuthLogger(log: () => LineWriter) {
  return {
    error(code: string, metadata: unknown) {
      const detail = typeof metadata === "object" && metadata !== null ? metadata : {};
      const error = metadata instanceof Error ? metadata : Reflect.get(detail, "error");
      const providerId: unknown = Reflect.get(detail, "providerId");
      log().error(
        { code, ...(typeof providerId === "string" ? { providerId } : {}), err: describeError(error) },
        `next-auth: ${code}`,
      );
    },
    warn(code: string) {
      log().warn({ code }, `next-auth: ${code}`);
    },
    debug() {},
  };
}
