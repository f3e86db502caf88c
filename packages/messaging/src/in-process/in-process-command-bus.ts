// The embedded command bus: in-memory work queues with RabbitMQ's contract — acknowledged only after
// the handler resolved, retried after growing delays, dead-lettered after the last one.
import type { Logger } from "@emporium/observability";
import { dispatch } from "../dispatch";
import type { CommandBus, DeadLetter, MessageHandler, QueueDepth, Subscription } from "../ports";
import { DEFAULT_RETRY, type RetryPolicy } from "../retry";

interface Item {
  body: Buffer;
  attempt: number;
}

interface Consumer {
  handle: MessageHandler;
  concurrency: number;
  active: number;
  stopped: boolean;
}

interface WorkQueue {
  ready: Item[];
  dead: DeadLetter[];
  consumers: Consumer[];
  next: number;
  timers: Set<NodeJS.Timeout>;
}

export class InProcessCommandBus implements CommandBus {
  private readonly queues = new Map<string, WorkQueue>();
  private closed = false;

  constructor(
    private readonly log: Logger,
    private readonly retry: RetryPolicy = DEFAULT_RETRY,
    /** Queues that need a different retry schedule. */
    private readonly retryByQueue: Readonly<Record<string, RetryPolicy>> = {},
  ) {}

  private queue(name: string): WorkQueue {
    let q = this.queues.get(name);
    if (!q) {
      q = { ready: [], dead: [], consumers: [], next: 0, timers: new Set() };
      this.queues.set(name, q);
    }
    return q;
  }

  async send(queue: string, envelope: { id: string }): Promise<void> {
    await this.sendRaw(queue, Buffer.from(JSON.stringify(envelope)));
  }

  async sendRaw(queue: string, body: Buffer): Promise<void> {
    if (this.closed) throw new Error("command bus is closed");
    this.queue(queue).ready.push({ body, attempt: 1 });
    this.pump(queue);
  }

  async consume(options: {
    queue: string;
    handle: MessageHandler;
    concurrency?: number;
  }): Promise<Subscription> {
    const q = this.queue(options.queue);
    const consumer: Consumer = {
      handle: options.handle,
      concurrency: options.concurrency ?? 4,
      active: 0,
      stopped: false,
    };
    q.consumers.push(consumer);
    this.pump(options.queue);
    return {
      stop: async () => {
        consumer.stopped = true;
        q.consumers = q.consumers.filter((c) => c !== consumer);
      },
    };
  }

  /** Hands ready items to consumers with spare capacity, round-robin. */
  private pump(name: string): void {
    const q = this.queue(name);
    while (q.ready.length > 0 && !this.closed) {
      const free = q.consumers.filter((c) => !c.stopped && c.active < c.concurrency);
      if (free.length === 0) return;
      const consumer = free[q.next++ % free.length];
      const item = q.ready.shift();
      if (!consumer || !item) return;
      consumer.active++;
      void this.deliver(name, q, consumer, item);
    }
  }

  private async deliver(name: string, q: WorkQueue, consumer: Consumer, item: Item): Promise<void> {
    try {
      const outcome = await dispatch(
        item.body,
        { source: name, attempt: item.attempt },
        consumer.handle,
        this.retry,
        this.log,
        { kind: "command" },
      );
      if (consumer.stopped && outcome.kind === "done") return;
      if (outcome.kind === "retry") {
        const timer = setTimeout(() => {
          q.timers.delete(timer);
          q.ready.push({ body: item.body, attempt: item.attempt + 1 });
          this.pump(name);
        }, outcome.delayMs);
        q.timers.add(timer);
      } else if (outcome.kind === "dead") {
        q.dead.push({ source: name, reason: outcome.reason, body: item.body.toString("utf8") });
      }
    } finally {
      consumer.active--;
      this.pump(name);
    }
  }

  async deadLetters(queue: string, limit = 100): Promise<DeadLetter[]> {
    return this.queue(queue).dead.slice(-limit);
  }

  async depth(queue: string): Promise<QueueDepth> {
    const q = this.queue(queue);
    return { ready: q.ready.length, retrying: q.timers.size, dead: q.dead.length };
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const q of this.queues.values()) for (const t of q.timers) clearTimeout(t);
  }
}
