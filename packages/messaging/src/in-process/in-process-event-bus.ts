// The embedded event bus: an in-memory, append-only log per topic with consumer groups and committed
// positions — Kafka's delivery contract inside one process. One reader per group and topic at a time
// (like a single partition), so every key's events stay in order.
import type { Logger } from "@emporium/observability";
import { dispatch } from "../dispatch";
import type {
  ConsumerLag,
  DeadLetter,
  DeadLetterBacklog,
  EventBus,
  MessageHandler,
  OutgoingEvent,
  SubscribeOptions,
  Subscription,
} from "../ports";
import { DEFAULT_RETRY, sleep, type RetryPolicy } from "../retry";

interface TopicLog {
  /** Offset of entries[0]; older entries were trimmed after every group had read them. */
  base: number;
  entries: Buffer[];
  dead: DeadLetter[];
  waiters: Set<() => void>;
}

interface Reader {
  handle: MessageHandler;
  stopped: boolean;
  abort: AbortController;
}

export class InProcessEventBus implements EventBus {
  private readonly topics = new Map<string, TopicLog>();
  /** group → topic → next offset to read. */
  private readonly committed = new Map<string, Map<string, number>>();
  /** `${group}\u0000${topic}` → the active reader and those standing by. */
  private readonly readers = new Map<string, Reader[]>();
  private closed = false;

  constructor(
    private readonly log: Logger,
    private readonly retry: RetryPolicy = DEFAULT_RETRY,
    private readonly maxRetained = 50_000,
  ) {}

  private topic(name: string): TopicLog {
    let t = this.topics.get(name);
    if (!t) {
      t = { base: 0, entries: [], dead: [], waiters: new Set() };
      this.topics.set(name, t);
    }
    return t;
  }

  private append(topic: string, body: Buffer): void {
    if (this.closed) throw new Error("event bus is closed");
    const t = this.topic(topic);
    t.entries.push(body);
    for (const wake of t.waiters) wake();
    t.waiters.clear();
    this.trim(topic, t);
  }

  private trim(topic: string, t: TopicLog): void {
    if (t.entries.length <= this.maxRetained) return;
    let lowest = t.base + t.entries.length;
    for (const offsets of this.committed.values()) lowest = Math.min(lowest, offsets.get(topic) ?? t.base);
    const drop = Math.min(lowest - t.base, t.entries.length - this.maxRetained);
    if (drop > 0) {
      t.entries.splice(0, drop);
      t.base += drop;
    }
  }

  async publish(events: readonly OutgoingEvent[]): Promise<void> {
    for (const e of events) this.append(e.topic, Buffer.from(JSON.stringify(e.envelope)));
  }

  async publishRaw(topic: string, _key: string, body: Buffer): Promise<void> {
    this.append(topic, body);
  }

  async subscribe(options: SubscribeOptions): Promise<Subscription> {
    const offsets = this.committed.get(options.group) ?? new Map<string, number>();
    this.committed.set(options.group, offsets);
    const mine: { key: string; reader: Reader }[] = [];
    for (const topic of options.topics) {
      const t = this.topic(topic);
      if (!offsets.has(topic)) offsets.set(topic, options.fromBeginning ? t.base : t.base + t.entries.length);
      const key = `${options.group}\u0000${topic}`;
      const reader: Reader = { handle: options.handle, stopped: false, abort: new AbortController() };
      const queue = this.readers.get(key) ?? [];
      queue.push(reader);
      this.readers.set(key, queue);
      mine.push({ key, reader });
      if (queue.length === 1) void this.run(options.group, topic, key);
    }
    return {
      stop: async () => {
        for (const { key, reader } of mine) {
          reader.stopped = true;
          reader.abort.abort();
          const queue = this.readers.get(key) ?? [];
          const wasActive = queue[0] === reader;
          this.readers.set(
            key,
            queue.filter((r) => r !== reader),
          );
          const [group = "", topic = ""] = key.split("\u0000");
          if (wasActive && (this.readers.get(key)?.length ?? 0) > 0) void this.run(group, topic, key);
          const t = this.topics.get(topic);
          if (t) for (const wake of t.waiters) wake();
        }
      },
    };
  }

  /** The read loop of the active reader of one group on one topic. */
  private async run(group: string, topic: string, key: string): Promise<void> {
    const t = this.topic(topic);
    const offsets = this.committed.get(group);
    if (!offsets) return;
    for (;;) {
      const reader = this.readers.get(key)?.[0];
      if (!reader || reader.stopped || this.closed) return;
      const offset = offsets.get(topic) ?? t.base;
      const body = t.entries[offset - t.base];
      if (!body) {
        await new Promise<void>((resolve) => t.waiters.add(resolve));
        continue;
      }
      for (let attempt = 1; ; attempt++) {
        const outcome = await dispatch(
          body,
          { source: topic, attempt },
          reader.handle,
          this.retry,
          this.log,
          {
            kind: "event",
          },
        );
        if (reader.stopped) return; // not committed: the next reader of the group gets it again
        if (outcome.kind === "retry") {
          await sleep(outcome.delayMs, reader.abort.signal);
          if (reader.stopped) return;
          continue;
        }
        if (outcome.kind === "dead")
          t.dead.push({ source: topic, reason: outcome.reason, body: body.toString("utf8") });
        break;
      }
      offsets.set(topic, offset + 1);
    }
  }

  async deadLetters(topic: string, limit = 100): Promise<DeadLetter[]> {
    return this.topic(topic).dead.slice(-limit);
  }

  async consumerLag(): Promise<ConsumerLag[]> {
    return [...this.committed].flatMap(([group, offsets]) =>
      [...offsets].map(([topic, next]) => {
        const t = this.topic(topic);
        return { group, topic, partition: 0, lag: t.base + t.entries.length - next };
      }),
    );
  }

  async deadLetterBacklog(): Promise<DeadLetterBacklog[]> {
    const consumed = new Set([...this.committed.values()].flatMap((offsets) => [...offsets.keys()]));
    return [...consumed].map((topic) => ({ topic, messages: this.topic(topic).dead.length }));
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const queue of this.readers.values())
      for (const r of queue) {
        r.stopped = true;
        r.abort.abort();
      }
    for (const t of this.topics.values()) for (const wake of t.waiters) wake();
  }
}
