// What the server does at start-up and with a failed request (@emporium/runtime/next-app, the same for
// the storefront and the admin):
// - register: tracing when TRACING_EXPORTER says where to send spans (Next.js's own spans, and a
//   traceparent on every fetch to a backend); the app's logger (src/server-log.ts), shipping to the log
//   store when LOG_SHIP_URL is set; started with NEXT_MANUAL_SIG_HANDLE (the start script, the image),
//   draining for SHUTDOWN_DRAIN_MS on SIGTERM, then sending the buffered log lines before exiting.
// - onRequestError: every server-side error of a request that Next.js reports (a page, a route handler,
//   a server action) as one structured line of that logger, with the request's traceId — never its
//   headers or cookies.
import type { Instrumentation } from "next";

export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const [{ env }, { SERVICE }, { startNextApp }] = await Promise.all([
    import("./env"),
    import("./server-log"),
    import("@emporium/runtime/next-app"),
  ]);
  await startNextApp(env, SERVICE);
}

export const onRequestError: Instrumentation.onRequestError = async (error, request, context) => {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const [{ env }, { SERVICE }, { logRequestError }] = await Promise.all([
    import("./env"),
    import("./server-log"),
    import("@emporium/runtime/next-app"),
  ]);
  logRequestError(env, SERVICE, error, request, context);
};
