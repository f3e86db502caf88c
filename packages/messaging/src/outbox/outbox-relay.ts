// Publishes a service's outbox: woken by NOTIFY (a trigger fires on every insert), with a slow poll
// only as a safety net. One relay per service publishes at a time: the leader, which holds a
// session-level advisory lock on its own connection for as long as it runs and does all its work on
// that connection — so losing the connection loses the lock and stops the work together, and a standby
// (another instance of the service) takes over within a poll. Rows leave in `seq` order; a row is marked
// sent only after its broker confirmed it, so a crash in between republishes (consumers are idempotent)
// and nothing is ever skipped. A drain costs two statements: the batch, and marking it sent.
import { Prisma, type Database, type SqlSession } from "@emporium/db";
import type { Envelope } from "@emporium/contracts";
import { startProducerSpan, type Logger, type ProducerSpan } from "@emporium/observability";
import { Counter, Gauge, Histogram, type Registry } from "prom-client";
import type { CommandBus, EventBus } from "../ports";
import { backoff, sleep } from "../retry";
import { outboxTable, type OutboxSchema } from "./outbox";

export interface OutboxRelayOptions {
  db: Database;
  schema: OutboxSchema;
  events: EventBus;
  /** Left out by a service whose outbox only ever holds events (the catalog). */
  commands?: CommandBus | undefined;
  log: Logger;
  batchSize?: number;
  /** Safety-net poll when no notification arrives (default 5 s). */
  pollMs?: number;
  /** Sent rows older than this are deleted (default 24 h). */
  keepSentMs?: number;
  /** Observes each published batch (tests). */
  onPublished?: (count: number, lagMs: number) => void;
  /** The process's registry: the outbox's backlog and publishing are measured on it (see outboxMetrics). */
  metrics?: Registry;
}

interface OutboxRow extends Record<string, unknown> {
  /** A bigint, read as text so no driver has to agree on how to represent it. */
  seq: string;
  kind: string;
  topic: string;
  payload: unknown;
  created_at: Date | string;
}

/** The NOTIFY channel an outbox's insert trigger signals. */
export function outboxChannel(schema: OutboxSchema): string {
  return `${schema}_outbox`;
}

// One advisory-lock key per schema, so relays of different services never wait for each other.
const LOCK_KEYS: Record<OutboxSchema, number> = {
  catalog: 71_001,
  inventory: 71_002,
  orders: 71_003,
  payments: 71_004,
  fulfillment: 71_005,
  identity: 71_006,
};

export class OutboxRelay {
  private readonly batchSize: number;
  private readonly pollMs: number;
  private readonly keepSentMs: number;
  private running = false;
  private wake: (() => void) | null = null;
  private pending = false;
  private loop: Promise<void> | null = null;
  private unlisten: (() => Promise<void>) | null = null;
  private lastCleanup = 0;

  private readonly measured: OutboxMetrics | null;

  constructor(private readonly o: OutboxRelayOptions) {
    this.batchSize = o.batchSize ?? 200;
    this.pollMs = o.pollMs ?? 5_000;
    this.keepSentMs = o.keepSentMs ?? 24 * 3_600_000;
    this.measured = o.metrics ? outboxMetrics(o.metrics, o.schema, () => this.waiting()) : null;
  }

  async start(): Promise<void> {
    if (this.running) return;
    this.running = true;
    // After a lost LISTEN connection comes back, a drain picks up what was written meanwhile.
    this.unlisten = await this.o.db.listen(
      outboxChannel(this.o.schema),
      () => this.nudge(),
      () => this.nudge(),
    );
    this.loop = this.run();
  }

  /** Asks the relay to drain now (the NOTIFY path; also useful right after a local write). */
  nudge(): void {
    this.pending = true;
    this.wake?.();
  }

  private async run(): Promise<void> {
    let failures = 0;
    while (this.running) {
      try {
        await this.o.db.withSession(async (session) => {
          const [lead] = await session.query<{ locked: boolean }>(
            "SELECT pg_try_advisory_lock($1) AS locked",
            [LOCK_KEYS[this.o.schema]],
          );
          if (!lead?.locked) return; // another instance leads; stand by
          try {
            failures = 0;
            await this.serve(session);
          } finally {
            await session
              .query("SELECT pg_advisory_unlock($1)", [LOCK_KEYS[this.o.schema]])
              .catch(() => undefined);
          }
        });
      } catch (err) {
        failures++;
        const delay = backoff(failures, 200, 10_000);
        this.o.log.warn(
          { schema: this.o.schema, err: err instanceof Error ? err.message : String(err), retryInMs: delay },
          "outbox relay could not publish; will retry",
        );
        await sleep(delay);
        continue;
      }
      // A standby ignores notifications (they are the leader's to answer) and asks again after a poll.
      if (this.running) await this.idle(false);
    }
  }

  /** As the leader: drains whenever notified (or polled), until stopped or the connection fails. */
  private async serve(session: SqlSession): Promise<void> {
    while (this.running) {
      this.pending = false;
      let published: number;
      do published = await this.publishBatch(session);
      while (published === this.batchSize && this.running);
      await this.cleanup();
      if (this.pending || !this.running) continue;
      await this.idle(true);
    }
  }

  /** Waits for the poll interval, or for a notification when `nudged` is true. */
  private async idle(nudged: boolean): Promise<void> {
    await new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, this.pollMs);
      this.wake = () => {
        if (!nudged && this.running) return;
        clearTimeout(timer);
        resolve();
      };
    });
    this.wake = null;
  }

  /**
   * Publishes one batch on its own, taking the lock for one transaction (tests and tools; the running
   * relay publishes as the leader). Returns how many rows it sent; 0 when another relay holds the lock.
   */
  async drainOnce(): Promise<number> {
    return this.o.db.transaction(async (tx) => {
      const [lock] = await tx.query<{ locked: boolean }>("SELECT pg_try_advisory_xact_lock($1) AS locked", [
        LOCK_KEYS[this.o.schema],
      ]);
      if (!lock?.locked) return 0; // another relay is draining; it will get these rows
      return this.publishBatch(tx);
    });
  }

  /** Publishes the oldest unsent rows (the caller holds the lock); returns how many it sent. */
  private async publishBatch(sql: SqlSession): Promise<number> {
    const table = `"${this.o.schema}"."outbox"`;
    // Ordered by the bigint column itself: the text alias (for the drivers) would sort "10" before "9".
    // The statement's snapshot is taken after the lock was granted, so rows the previous holder
    // published are seen marked sent.
    const rows = await sql.query<OutboxRow>(
      `SELECT o.seq::text AS seq, o.kind, o.topic, o.payload, o.created_at FROM ${table} o
        WHERE o.sent_at IS NULL ORDER BY o.seq LIMIT $1`,
      [this.batchSize],
    );
    if (rows.length === 0) return 0;
    // Each row is sent in a producer span, child of the span that wrote it (the envelope's
    // traceparent), and the message carries the producer span's traceparent on to its consumer.
    const spans: ProducerSpan[] = [];
    const outgoing = rows.map((r) => {
      const envelope = r.payload as Envelope;
      const kind = r.kind === "command" ? "command" : "event";
      const span = startProducerSpan(envelope.traceparent, {
        destination: r.topic,
        kind,
        messageId: envelope.id,
        type: envelope.type,
      });
      if (span) spans.push(span);
      const sent = span?.traceparent ? { ...envelope, traceparent: span.traceparent } : envelope;
      return { kind, topic: r.topic, envelope: sent };
    });
    // Events go out as one batch (Kafka keeps each key's order within it); commands are sent on one
    // channel in row order, their confirms awaited together.
    const events = outgoing.filter((m) => m.kind === "event");
    const commands = outgoing.filter((m) => m.kind === "command");
    try {
      await Promise.all([
        events.length > 0 ? this.o.events.publish(events) : Promise.resolve(),
        ...commands.map((c) => this.sendCommand(c.topic, c.envelope)),
      ]);
    } catch (err) {
      for (const span of spans) span.end(err);
      throw err;
    }
    for (const span of spans) span.end();
    // Exactly the rows published: a transaction that took a lower seq but committed after the
    // SELECT above is visible to this UPDATE, and must stay unsent until a later pass publishes it.
    await sql.query(`UPDATE ${table} SET sent_at = now() WHERE seq = ANY($1::bigint[])`, [
      rows.map((r) => r.seq),
    ]);
    const oldest = new Date(rows[0]?.created_at ?? Date.now()).getTime();
    this.o.onPublished?.(rows.length, Date.now() - oldest);
    if (this.measured) {
      this.measured.published.inc({ outbox: this.o.schema }, rows.length);
      for (const r of rows)
        this.measured.lag.observe(
          { outbox: this.o.schema },
          (Date.now() - new Date(r.created_at).getTime()) / 1000,
        );
    }
    return rows.length;
  }

  private async sendCommand(queue: string, envelope: Envelope): Promise<void> {
    if (!this.o.commands)
      throw new Error(
        `the ${this.o.schema} outbox holds a command for ${queue} but its relay has no command bus`,
      );
    await this.o.commands.send(queue, envelope);
  }

  private async cleanup(): Promise<void> {
    if (Date.now() - this.lastCleanup < 60_000) return;
    this.lastCleanup = Date.now();
    const cutoff = new Date(Date.now() - this.keepSentMs);
    await this.o.db.prisma.$executeRaw(
      Prisma.sql`DELETE FROM ${outboxTable(this.o.schema)} WHERE sent_at IS NOT NULL AND sent_at < ${cutoff}`,
    );
  }

  /** Rows written but not yet published (for metrics and tests). */
  async backlog(): Promise<number> {
    return (await this.waiting()).count;
  }

  /** Rows written but not yet published, and how long the oldest of them has waited. */
  async waiting(): Promise<{ count: number; oldestAgeSeconds: number }> {
    const [row] = await this.o.db.prisma.$queryRaw<{ n: number; age: number | null }[]>(
      Prisma.sql`SELECT count(*)::int AS n, extract(epoch FROM now() - min(created_at))::float8 AS age
        FROM ${outboxTable(this.o.schema)} WHERE sent_at IS NULL`,
    );
    return { count: row?.n ?? 0, oldestAgeSeconds: Math.max(0, row?.age ?? 0) };
  }

  async stop(): Promise<void> {
    this.running = false;
    this.wake?.();
    await this.loop;
    await this.unlisten?.();
  }
}

interface OutboxMetrics {
  published: Counter<"outbox">;
  lag: Histogram<"outbox">;
}

/**
 * An outbox's signals on a process's registry, labelled by its schema (six values at most): rows
 * waiting and the oldest one's age, read from the table at each scrape (a growing backlog is the relay
 * or the broker falling behind), rows published, and the time from write to publish per row.
 */
function outboxMetrics(
  registry: Registry,
  schema: OutboxSchema,
  waiting: () => Promise<{ count: number; oldestAgeSeconds: number }>,
): OutboxMetrics {
  const labels = { outbox: schema };
  // One query serves both gauges of a scrape; one that cannot reach the database reports nothing new.
  let last: { at: number; value: Promise<{ count: number; oldestAgeSeconds: number } | null> } | null = null;
  const read = () => {
    if (!last || Date.now() - last.at > 1_000) last = { at: Date.now(), value: waiting().catch(() => null) };
    return last.value;
  };
  new Gauge({
    name: "outbox_waiting_messages",
    help: "Outbox rows written but not yet published",
    labelNames: ["outbox"],
    registers: [registry],
    async collect() {
      const now = await read();
      if (now) this.set(labels, now.count);
    },
  });
  new Gauge({
    name: "outbox_oldest_waiting_age_seconds",
    help: "How long the oldest unpublished outbox row has waited (0 when none waits)",
    labelNames: ["outbox"],
    registers: [registry],
    async collect() {
      const now = await read();
      if (now) this.set(labels, now.oldestAgeSeconds);
    },
  });
  return {
    published: new Counter({
      name: "outbox_published_total",
      help: "Outbox rows published to the brokers",
      labelNames: ["outbox"],
      registers: [registry],
    }),
    lag: new Histogram({
      name: "outbox_publish_lag_seconds",
      help: "Time from an outbox row's write to its publication",
      labelNames: ["outbox"],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
      registers: [registry],
    }),
  };
}
