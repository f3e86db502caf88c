// The embedded command bus: in-memory work queues with RabbitMQ's contract — acknowledged only after
// the handler resolved, retried after growing delays, dead-lettered after the last one.
import type { Logger } from "@emporium/observability";
import { dispatch } from "../dispatch";
import { commandDeadLetter, commandIdOf } from "../dead-letter-view";
import type { CommandBus, CommandDeadLetter, MessageHandler, QueueDepth, Subscription } from "../ports";
import { DEFAULT_RETRY, type RetryPolicy } from "../retry";

interface Item {
  id: string;
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
  dead: { letter: CommandDeadLetter; item: Item }[];
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
    this.queue(queue).ready.push({ id: commandIdOf(body), body, attempt: 1 });
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
        this.retryByQueue[name] ?? this.retry,
        this.log,
        { kind: "command" },
      );
      if (consumer.stopped && outcome.kind === "done") return;
      if (outcome.kind === "retry") {
        const timer = setTimeout(() => {
          q.timers.delete(timer);
          q.ready.push({ ...item, attempt: item.attempt + 1 });
          this.pump(name);
        }, outcome.delayMs);
        q.timers.add(timer);
      } else if (outcome.kind === "dead") {
        const letter = commandDeadLetter(item.body, {
          source: name,
          reason: outcome.reason,
          messageId: item.id,
          attempts: item.attempt,
          deadAt: new Date().toISOString(),
        });
        q.dead.push({ letter, item });
      }
    } finally {
      consumer.active--;
      this.pump(name);
    }
  }

  async deadLetters(queue: string, limit = 100): Promise<CommandDeadLetter[]> {
    return this.queue(queue)
      .dead.slice(-limit)
      .map((d) => d.letter);
  }

  /** Takes the dead letter with that id out of the queue's dead letters, if it is there. */
  private takeDead(queue: string, messageId: string): Item | null {
    const q = this.queue(queue);
    const at = q.dead.findIndex((d) => d.letter.messageId === messageId);
    if (at < 0) return null;
    return q.dead.splice(at, 1)[0]?.item ?? null;
  }

  async replay(queue: string, messageId: string): Promise<boolean> {
    if (this.closed) throw new Error("command bus is closed");
    const item = this.takeDead(queue, messageId);
    if (!item) return false;
    this.queue(queue).ready.push({ ...item, attempt: 1 });
    this.pump(queue);
    return true;
  }

  async discard(queue: string, messageId: string): Promise<boolean> {
    return this.takeDead(queue, messageId) !== null;
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
