// The operations console: every process's health (what its /readyz checked), the signals read off the
// processes' own /metrics (Kafka consumer lag, outbox backlogs, circuit breakers), the orders the saga
// has not finished in time with the step each waits on, and each saga command queue with its depth and
// the commands it dead-lettered — type, error, attempts, when, the order it is about and its payload
// (redacted by the service). Managers and owners retry a stuck step, replay or discard a dead letter;
// support reads only (the orders service checks again). A process that does not answer is shown as
// down; the orders service down leaves its panels with a notice, never an error page.
import type { Metadata } from "next";
import Link from "next/link";
import { EmptyState } from "@emporium/ui/empty-state";
import { requireStaff } from "@/auth/session";
import { readOperations } from "@/operations/read";
import { isCatalogUnavailable as isServiceUnavailable } from "@/trpc/catalog-unavailable";
import { getDeadLetters, getStuckOrders } from "@/trpc/orders";
import { OrdersUnavailableNotice } from "../../orders-unavailable-notice";
import { DeadLetterActions } from "./dead-letter-actions";
import { ProcessesPanel, SignalsPanels } from "./health-panels";
import { OpsTable } from "./ops-table";
import { StuckOrdersPanel } from "./stuck-orders-panel";

export const metadata: Metadata = { title: "Operations" };

const when = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "medium", timeZone: "UTC" });

type QueueRows = Awaited<ReturnType<typeof getDeadLetters>>;

function attemptsInWords(attempts: number | null): string {
  if (attempts === null) return "unknown";
  return attempts === 1 ? "1 attempt" : `${attempts} attempts`;
}

function DeadLetters({ rows, canAct }: { rows: QueueRows; canAct: boolean }) {
  const dead = rows.filter((r) => r.letters.length > 0);
  return (
    <>
      <OpsTable
        label="Command queues"
        columns={[
          { title: "Queue" },
          { title: "Ready", numeric: true },
          { title: "Retrying", numeric: true },
          { title: "Dead letters", numeric: true },
        ]}
        rows={rows.map((r) => ({
          key: r.queue,
          cells: [
            <span key="queue" className="font-mono">
              {r.queue}
            </span>,
            r.depth.ready,
            r.depth.retrying,
            r.depth.dead,
          ],
        }))}
      />
      <h2 className="mt-8 text-lg font-semibold">Dead letters</h2>
      {dead.length === 0 ? (
        <EmptyState className="mt-4" title="No dead letters">
          Every command the saga sent was handled or is still being tried.
        </EmptyState>
      ) : (
        dead.map((r) => (
          <section key={r.queue} aria-labelledby={`dlq-${r.queue}`} className="mt-4">
            <h3 id={`dlq-${r.queue}`} className="font-mono text-sm font-semibold">
              {r.queue}
            </h3>
            <ul className="mt-2 flex flex-col gap-3">
              {r.letters.map((l) => (
                <li
                  key={l.messageId}
                  data-testid="dead-letter"
                  className="rounded-2xl border border-line bg-surface p-4"
                >
                  <dl className="grid grid-cols-[8rem_1fr] gap-x-3 gap-y-1 text-sm">
                    <dt className="text-ink-muted">Type</dt>
                    <dd>{l.type ?? "unreadable"}</dd>
                    <dt className="text-ink-muted">Error</dt>
                    <dd className="break-words">{l.reason}</dd>
                    <dt className="text-ink-muted">Attempts</dt>
                    <dd>{attemptsInWords(l.attempts)}</dd>
                    <dt className="text-ink-muted">Dead-lettered</dt>
                    <dd>{l.deadAt ? `${when.format(new Date(l.deadAt))} UTC` : "unknown"}</dd>
                    <dt className="text-ink-muted">Message</dt>
                    <dd className="font-mono text-xs break-all">{l.messageId}</dd>
                    {l.orderId ? (
                      <>
                        <dt className="text-ink-muted">Order</dt>
                        <dd>
                          <Link href={`/orders/${l.orderId}`} className="text-brand-800 underline">
                            View order
                          </Link>
                        </dd>
                      </>
                    ) : null}
                  </dl>
                  <details className="mt-2">
                    <summary className="cursor-pointer text-sm">Payload (secrets redacted)</summary>
                    <pre className="mt-2 max-h-64 overflow-auto rounded-lg bg-canvas-muted p-3 text-xs">
                      {typeof l.payload === "string" ? l.payload : JSON.stringify(l.payload, null, 2)}
                    </pre>
                  </details>
                  {canAct ? (
                    <div className="mt-3">
                      <DeadLetterActions queue={r.queue} messageId={l.messageId} />
                    </div>
                  ) : null}
                </li>
              ))}
            </ul>
          </section>
        ))
      )}
    </>
  );
}

/** The orders service's answer, or null while it is unavailable (its panels show a notice instead). */
async function unlessOrdersUnavailable<T>(answer: Promise<T>): Promise<T | null> {
  try {
    return await answer;
  } catch (error) {
    if (!isServiceUnavailable(error)) throw error;
    return null;
  }
}

export default async function OperationsPage() {
  const staff = await requireStaff();
  if (!staff.can("operations.read"))
    return (
      <EmptyState title="Operations are for staff with access" headingLevel="h1">
        Your role cannot open the operations console.
      </EmptyState>
    );
  const [reading, rows, stuck] = await Promise.all([
    readOperations(),
    unlessOrdersUnavailable(getDeadLetters(staff)),
    unlessOrdersUnavailable(getStuckOrders(staff)),
  ]);
  const canAct = staff.can("operations.manage");
  return (
    <>
      <h1 className="text-2xl font-semibold tracking-tight">Operations</h1>
      <p className="mt-1 text-sm text-ink-muted">
        The shop&apos;s processes and their signals, orders that are stuck, the order saga&apos;s command
        queues and the commands that could not be handled.
        {canAct ? "" : " Your role can look but not retry, replay or discard."}
      </p>
      <ProcessesPanel reading={reading} />
      {stuck === null ? null : <StuckOrdersPanel stuck={stuck} canAct={canAct} />}
      <h2 className="mt-8 text-lg font-semibold">Command queues</h2>
      {rows === null ? (
        <div className="mt-6">
          <OrdersUnavailableNotice />
        </div>
      ) : (
        <DeadLetters rows={rows} canAct={canAct} />
      )}
      <SignalsPanels reading={reading} />
    </>
  );
}
