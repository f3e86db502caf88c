// What the operations console watches: every backend process and the two edges the shop depends on (the
// payment provider, the storefront), each read on its own ops endpoints — /readyz for health (what it
// checked, what is failing), /metrics for the signals Prometheus scrapes (outbox backlog, Kafka consumer
// lag, breaker states). Pure: from the admin's configuration and the answers, to the console's rows.
import { z } from "zod";
import type { AdminEnv } from "@/env";
import type { Sample } from "@emporium/observability/prometheus-text";

export interface WatchedProcess {
  name: string;
  /** Where its ops endpoints are; null when this admin is not told (the variable that would say). */
  origin: string | null;
  variable: string;
  /** Its health endpoint: /readyz, or /healthz for the provider simulator (it has no dependencies). */
  probe: "/readyz" | "/healthz";
  /** Whether it serves the shop's own /metrics (the outbox, lag and breaker gauges). */
  metrics: boolean;
}

/** The admin's settings that say where each process is. */
export type OpsOrigins = Pick<
  AdminEnv,
  | "CATALOG_URL"
  | "ORDERS_URL"
  | "IDENTITY_URL"
  | "INVENTORY_URL"
  | "REVIEWS_URL"
  | "AUDIT_URL"
  | "PAYMENT_OPS_URL"
  | "FULFILLMENT_OPS_URL"
  | "PSP_URL"
  | "STOREFRONT_OPS_URL"
>;

const originOf = (url: string | undefined) => (url ? new URL(url).origin : null);

/** The processes in the order the console lists them. */
export function watchedProcesses(env: OpsOrigins): WatchedProcess[] {
  const backend = (name: string, variable: keyof OpsOrigins): WatchedProcess => ({
    name,
    origin: originOf(env[variable]),
    variable,
    probe: "/readyz",
    metrics: true,
  });
  return [
    backend("catalog", "CATALOG_URL"),
    backend("orders", "ORDERS_URL"),
    backend("identity", "IDENTITY_URL"),
    backend("inventory", "INVENTORY_URL"),
    backend("payment", "PAYMENT_OPS_URL"),
    backend("fulfillment", "FULFILLMENT_OPS_URL"),
    backend("reviews", "REVIEWS_URL"),
    backend("audit", "AUDIT_URL"),
    { name: "psp", origin: originOf(env.PSP_URL), variable: "PSP_URL", probe: "/healthz", metrics: false },
    { ...backend("web", "STOREFRONT_OPS_URL"), metrics: false },
  ];
}

export type HealthState = "ready" | "degraded" | "starting" | "draining" | "down" | "not watched";

export interface ProcessHealth {
  name: string;
  state: HealthState;
  /** In words, for the console. */
  detail: string;
  /** The dependencies its /readyz checked (database, brokers, caches …). */
  checked: string[];
  failing: string[];
}

/** What a /readyz (or /healthz) body may say; anything it does not say, or says oddly, reads as unsaid. */
const probeBody = z
  .object({
    status: z.string().nullable().catch(null),
    detail: z.string().catch("starting"),
    checked: z.array(z.string()).catch([]),
    failing: z.array(z.string()).catch([]),
  })
  .catch({ status: null, detail: "starting", checked: [], failing: [] });

/** A process's health from its probe's answer: a status code and body, or why there was none. */
export function healthOf(
  process: WatchedProcess,
  answer: { status: number; body: unknown } | { error: string } | null,
): ProcessHealth {
  const base = { name: process.name, checked: [], failing: [] };
  if (answer === null)
    return { ...base, state: "not watched", detail: `Not watched here: set ${process.variable}` };
  if ("error" in answer) return { ...base, state: "down", detail: `No answer: ${answer.error}` };
  const { status: said, detail, checked, failing } = probeBody.parse(answer.body);
  const found = { ...base, checked, failing };
  if (said === "draining") return { ...found, state: "draining", detail: "Shutting down; takes no new work" };
  if (said === "starting") return { ...found, state: "starting", detail: `Starting: ${detail}` };
  if (failing.length > 0)
    return {
      ...found,
      state: answer.status >= 500 ? "down" : "degraded",
      detail: `${failing.join(", ")} ${failing.length === 1 ? "is" : "are"} failing${answer.status >= 500 ? "" : " (it still serves)"}`,
    };
  if (answer.status >= 200 && answer.status < 300)
    return {
      ...found,
      state: "ready",
      detail: checked.length ? `Checked ${checked.join(", ")}` : "Answering",
    };
  return { ...found, state: "down", detail: `Answered ${answer.status}` };
}

export interface ConsumerLag {
  group: string;
  topic: string;
  /** Events published and not yet handled, over every partition. */
  lag: number;
  partitions: number;
}

export interface OutboxBacklog {
  outbox: string;
  waiting: number;
  oldestAgeSeconds: number;
}

export type BreakerState = "closed" | "half-open" | "open";

export interface BreakerView {
  service: string;
  dependency: string;
  state: BreakerState;
}

export interface Signals {
  lag: ConsumerLag[];
  outboxes: OutboxBacklog[];
  breakers: BreakerView[];
}

export const SIGNAL_FAMILIES = new Set([
  "event_consumer_lag_messages",
  "outbox_waiting_messages",
  "outbox_oldest_waiting_age_seconds",
  "circuit_breaker_state",
]);

const BREAKER_STATES: Record<number, BreakerState> = { 0: "closed", 1: "half-open", 2: "open" };

/**
 * The console's tables from every watched process's samples. A series seen from two processes (the
 * development host serves one in-process bus to every service) is counted once.
 */
export function signalsOf(samples: readonly Sample[]): Signals {
  const lagByPartition = new Map<string, { group: string; topic: string; lag: number }>();
  const outboxes = new Map<string, OutboxBacklog>();
  const breakers = new Map<string, BreakerView>();
  for (const s of samples) {
    const l = s.labels;
    if (s.name === "event_consumer_lag_messages" && l.group && l.topic) {
      const key = `${l.group}\u0000${l.topic}\u0000${l.partition ?? ""}`;
      const seen = lagByPartition.get(key);
      lagByPartition.set(key, { group: l.group, topic: l.topic, lag: Math.max(seen?.lag ?? 0, s.value) });
    } else if (s.name === "outbox_waiting_messages" || s.name === "outbox_oldest_waiting_age_seconds") {
      const outbox = l.outbox ?? l.service ?? "unknown";
      const row = outboxes.get(outbox) ?? { outbox, waiting: 0, oldestAgeSeconds: 0 };
      if (s.name === "outbox_waiting_messages") row.waiting = s.value;
      else row.oldestAgeSeconds = s.value;
      outboxes.set(outbox, row);
    } else if (s.name === "circuit_breaker_state" && l.dependency) {
      const service = l.service ?? "unknown";
      breakers.set(`${service}\u0000${l.dependency}`, {
        service,
        dependency: l.dependency,
        state: BREAKER_STATES[s.value] ?? "open",
      });
    }
  }
  const lag = new Map<string, ConsumerLag>();
  for (const p of lagByPartition.values()) {
    const key = `${p.group}\u0000${p.topic}`;
    const row = lag.get(key) ?? { group: p.group, topic: p.topic, lag: 0, partitions: 0 };
    row.lag += p.lag;
    row.partitions += 1;
    lag.set(key, row);
  }
  const byName =
    <T>(key: (t: T) => string) =>
    (a: T, b: T) =>
      key(a).localeCompare(key(b));
  return {
    lag: [...lag.values()].sort(byName((r) => `${r.group} ${r.topic}`)),
    outboxes: [...outboxes.values()].sort(byName((r) => r.outbox)),
    breakers: [...breakers.values()].sort(byName((r) => `${r.service} ${r.dependency}`)),
  };
}
