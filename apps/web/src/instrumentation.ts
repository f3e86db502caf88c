// Runs once when the server starts. Started with NEXT_MANUAL_SIG_HANDLE set (the start script, the
// image), Next leaves SIGTERM to the app, which drains for SHUTDOWN_DRAIN_MS before it exits: /readyz
// answers 503 meanwhile, so the gateway stops sending requests before the server goes away.
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== "nodejs" || !process.env.NEXT_MANUAL_SIG_HANDLE) return;
  const [{ env }, { exitAfterDrainOnSignal }] = await Promise.all([
    import("./env"),
    import("@emporium/runtime/draining"),
  ]);
  exitAfterDrainOnSignal(env.SHUTDOWN_DRAIN_MS, (message) => console.log(message));
}
