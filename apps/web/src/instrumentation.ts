// Runs once when the server starts.
// - Tracing, when TRACING_EXPORTER says where to send spans (@emporium/runtime/tracing, as in every
//   backend): Next.js reports its own spans (each request, its rendering, each fetch) to the provider
//   registered here, and every fetch to a backend carries the request's traceparent, so the backend's
//   spans join the page's trace.
// - Started with NEXT_MANUAL_SIG_HANDLE set (the start script, the image), Next leaves SIGTERM to the
//   app, which drains for SHUTDOWN_DRAIN_MS before it exits: /readyz answers 503 meanwhile, so the
//   gateway stops sending requests before the server goes away.
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const [{ env }, { startTracingFrom }] = await Promise.all([
    import("./env"),
    import("@emporium/runtime/tracing"),
  ]);
  await startTracingFrom(env, "web");
  if (!process.env.NEXT_MANUAL_SIG_HANDLE) return;
  const { exitAfterDrainOnSignal } = await import("@emporium/runtime/draining");
  exitAfterDrainOnSignal(env.SHUTDOWN_DRAIN_MS, (message) => console.log(message));
}
