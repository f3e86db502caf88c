// Steady GET traffic for the failover test: a few clients in a loop, every request's start, end and
// outcome kept, so that failures can be told apart — those in flight on an instance when it was killed
// from any other.
import type { GatewayClient } from "./clients";

export interface Outcome {
  url: string;
  started: number;
  ended: number;
  /** The status, or 0 when no answer came. */
  status: number;
  error?: string;
}

export async function steadyTraffic(options: {
  client: GatewayClient;
  urls: readonly string[];
  clients: number;
  durationMs: number;
}): Promise<Outcome[]> {
  const outcomes: Outcome[] = [];
  const deadline = Date.now() + options.durationMs;
  let next = 0;
  const loop = async () => {
    while (Date.now() < deadline) {
      const url = options.urls[next++ % options.urls.length] ?? "";
      const started = Date.now();
      try {
        const answer = await options.client.send(url, { signal: AbortSignal.timeout(10_000) });
        outcomes.push({ url, started, ended: Date.now(), status: answer.status });
      } catch (error) {
        const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
        outcomes.push({ url, started, ended: Date.now(), status: 0, error: message });
      }
    }
  };
  await Promise.all(Array.from({ length: options.clients }, loop));
  return outcomes;
}

/** Failures split by whether they were in flight when `killedAt` happened (and ended within `graceMs`). */
export function classifyFailures(outcomes: readonly Outcome[], killedAt: number, graceMs: number) {
  const failed = outcomes.filter((o) => o.status !== 200);
  const inFlight = failed.filter((o) => o.started <= killedAt && o.ended <= killedAt + graceMs);
  return { failed, inFlight, unexplained: failed.filter((o) => !inFlight.includes(o)) };
}
