// The console's view of the running system: each process with its readiness and what it checked, then
// the signals read off the processes' own /metrics — Kafka consumer lag per group and topic, each
// outbox's backlog, each circuit breaker's state.
import type { ReactNode } from "react";
import { Badge, type BadgeTone } from "@emporium/ui/badge";
import type { OperationsReading } from "@/operations/read";
import type { BreakerState, HealthState } from "@/operations/watch";
import { OpsTable } from "./ops-table";

const HEALTH_TONE: Record<HealthState, BadgeTone> = {
  ready: "success",
  degraded: "warning",
  starting: "warning",
  draining: "warning",
  down: "sale",
  "not watched": "neutral",
};

const BREAKER_TONE: Record<BreakerState, BadgeTone> = {
  closed: "success",
  "half-open": "warning",
  open: "sale",
};

function age(seconds: number): string {
  if (seconds < 60) return `${Math.round(seconds)} s`;
  if (seconds < 3600) return `${Math.round(seconds / 60)} min`;
  return `${(seconds / 3600).toFixed(1)} h`;
}

const mono = (text: string) => <span className="font-mono">{text}</span>;

/** A titled panel, or a line saying nothing has reported yet. */
function Panel({ title, empty, children }: { title: string; empty: string | null; children: ReactNode }) {
  return (
    <section>
      <h2 className="mt-8 text-lg font-semibold">{title}</h2>
      {empty === null ? children : <p className="mt-2 text-sm text-ink-muted">{empty}</p>}
    </section>
  );
}

export function ProcessesPanel({ reading }: { reading: OperationsReading }) {
  return (
    <Panel title="Processes" empty={null}>
      <OpsTable
        label="Processes"
        rowTestId="process"
        columns={[{ title: "Process" }, { title: "Health" }, { title: "Detail" }]}
        rows={reading.health.map((p) => ({
          key: p.name,
          cells: [
            mono(p.name),
            <Badge key="state" tone={HEALTH_TONE[p.state]}>
              {p.state}
            </Badge>,
            <span key="detail" className="text-ink-muted">
              {p.detail}
            </span>,
          ],
        }))}
      />
    </Panel>
  );
}

export function SignalsPanels({ reading }: { reading: OperationsReading }) {
  const { lag, outboxes, breakers } = reading.signals;
  return (
    <>
      {reading.unread.length > 0 ? (
        <p className="mt-6 text-sm text-sale">
          Could not read the metrics of {reading.unread.join(", ")}; their rows are missing below.
        </p>
      ) : null}
      <Panel
        title="Event consumers (Kafka lag)"
        empty={lag.length ? null : "No consumer group has reported its lag yet."}
      >
        <OpsTable
          label="Consumer lag"
          columns={[
            { title: "Group" },
            { title: "Topic" },
            { title: "Partitions", numeric: true },
            { title: "Events behind", numeric: true },
          ]}
          rows={lag.map((l) => ({
            key: `${l.group} ${l.topic}`,
            cells: [mono(l.group), mono(l.topic), l.partitions, l.lag],
          }))}
        />
      </Panel>
      <Panel title="Outboxes" empty={outboxes.length ? null : "No outbox has reported its backlog yet."}>
        <OpsTable
          label="Outboxes"
          columns={[
            { title: "Outbox" },
            { title: "Waiting", numeric: true },
            { title: "Oldest waiting", numeric: true },
          ]}
          rows={outboxes.map((o) => ({
            key: o.outbox,
            cells: [mono(o.outbox), o.waiting, o.waiting > 0 ? age(o.oldestAgeSeconds) : "—"],
          }))}
        />
      </Panel>
      <Panel
        title="Circuit breakers"
        empty={breakers.length ? null : "No breaker has reported its state yet."}
      >
        <OpsTable
          label="Circuit breakers"
          columns={[{ title: "Process" }, { title: "Dependency" }, { title: "State" }]}
          rows={breakers.map((b) => ({
            key: `${b.service} ${b.dependency}`,
            cells: [
              mono(b.service),
              mono(b.dependency),
              <Badge key="state" tone={BREAKER_TONE[b.state]}>
                {b.state}
              </Badge>,
            ],
          }))}
        />
      </Panel>
    </>
  );
}
