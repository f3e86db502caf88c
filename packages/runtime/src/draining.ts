// Connection draining. A process told to stop first says so on /readyz (503, "draining") and keeps
// serving for a while, so that the gateway's health checks and Kubernetes' endpoints take it out of
// rotation before its server closes; requests sent meanwhile are still answered. The flag is the whole
// process's (one process, one answer), kept on globalThis so that every bundle of a Next app — its
// instrumentation and its route handlers — reads the same one. No Node modules: the apps import it.

const DRAINING = Symbol.for("emporium.runtime.draining");
type DrainState = { [DRAINING]?: boolean };

/** From now on /readyz answers 503: the process is going away. */
export function startDraining(): void {
  (globalThis as DrainState)[DRAINING] = true;
}

export function isDraining(): boolean {
  return (globalThis as DrainState)[DRAINING] === true;
}

/** What a /readyz answers while draining. */
export const DRAINING_BODY = { status: "draining" } as const;

/** Marks the process draining, then waits `ms` (0: at once) before the caller closes its server. */
export async function drain(ms: number): Promise<void> {
  startDraining();
  if (ms > 0) await new Promise((resolve) => setTimeout(resolve, ms));
}

/**
 * For a Next app started with NEXT_MANUAL_SIG_HANDLE set (Next then leaves SIGTERM and SIGINT to the
 * app, where it would otherwise exit at once): on the first signal, drain for `ms`, run `beforeExit`
 * (send the log lines still buffered), then exit; a second signal exits at once.
 */
export function exitAfterDrainOnSignal(
  ms: number,
  say: (message: string) => void,
  beforeExit: () => Promise<void> = async () => undefined,
): void {
  let stopping = false;
  const handler = (signal: string) => {
    if (stopping) process.exit(1);
    stopping = true;
    say(`${signal}: draining for ${ms} ms (/readyz answers 503), then exiting`);
    void drain(ms)
      .then(beforeExit)
      .catch((err: unknown) => say(`before exiting: ${err instanceof Error ? err.message : String(err)}`))
      .finally(() => process.exit(0));
  };
  process.on("SIGTERM", handler);
  process.on("SIGINT", handler);
}

const NO_STORE = { "cache-control": "no-store" };

/**
 * A Next app's /readyz: 200 while the instance takes requests, 503 once told to stop. The backends'
 * health is theirs to report: the pages degrade without them, so it is not the app's readiness.
 */
export function appReadiness(): Response {
  return isDraining()
    ? Response.json(DRAINING_BODY, { status: 503, headers: NO_STORE })
    : Response.json({ status: "ready" }, { headers: NO_STORE });
}

/** A Next app's /healthz: the process answers. */
export function appLiveness(): Response {
  return Response.json({ status: "ok" }, { headers: NO_STORE });
}
