// Reads every watched process's ops endpoints for the operations console, all at once with a short
// deadline each: a process that does not answer in time is shown as down (and its signals as unread),
// never as a failed page.
import { connection } from "next/server";
import { freshFetch } from "@emporium/http-fetch";
import { env } from "@/env";
import { parsePrometheusText, type Sample } from "@emporium/observability/prometheus-text";
import {
  healthOf,
  signalsOf,
  SIGNAL_FAMILIES,
  watchedProcesses,
  type ProcessHealth,
  type Signals,
} from "./watch";

const PROBE_TIMEOUT_MS = 2_000;
const probeFetch = freshFetch(PROBE_TIMEOUT_MS);

function why(error: unknown): string {
  if (error instanceof Error && (error.name === "TimeoutError" || error.name === "AbortError"))
    return `nothing within ${PROBE_TIMEOUT_MS / 1000} s`;
  const cause = error instanceof Error && error.cause instanceof Error ? error.cause.message : null;
  return cause ?? (error instanceof Error ? error.message : "unreachable");
}

async function probe(url: string): Promise<{ status: number; body: unknown } | { error: string }> {
  try {
    const response = await probeFetch(url);
    const body: unknown = await response.json().catch(() => null);
    return { status: response.status, body };
  } catch (error) {
    return { error: why(error) };
  }
}

async function samplesOf(url: string): Promise<Sample[] | null> {
  try {
    const response = await probeFetch(url);
    if (!response.ok) return null;
    return parsePrometheusText(await response.text(), SIGNAL_FAMILIES);
  } catch {
    return null;
  }
}

export interface OperationsReading {
  health: ProcessHealth[];
  signals: Signals;
  /** Processes whose /metrics could not be read: their rows are missing from the signals. */
  unread: string[];
}

export async function readOperations(): Promise<OperationsReading> {
  await connection();
  const processes = watchedProcesses(env);
  const [health, metrics] = await Promise.all([
    Promise.all(
      processes.map(async (p) => healthOf(p, p.origin ? await probe(`${p.origin}${p.probe}`) : null)),
    ),
    Promise.all(
      processes.map(async (p) => ({
        name: p.name,
        samples: p.origin && p.metrics ? await samplesOf(`${p.origin}/metrics`) : [],
      })),
    ),
  ]);
  return {
    health,
    signals: signalsOf(metrics.flatMap((m) => m.samples ?? [])),
    unread: metrics.filter((m) => m.samples === null).map((m) => m.name),
  };
}
