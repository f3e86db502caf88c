// Commands over RabbitMQ (amqplib with its connection recovery). Per command queue `q`:
//   q                      durable quorum queue; redelivered more than `deliveryLimit` times → q.dlq
//   q.retry.<delay>ms      one durable queue per retry delay; its TTL dead-letters the message back to q
//   q.dlq                  durable quorum queue of what could not be handled, with the reason in a header;
//                          no delivery limit, however often it is looked at (dead-letter-queue.ts)
// Publishing waits for the broker's confirm. A message is acknowledged only after its handler resolved,
// or after it was safely moved to a retry or dead-letter queue (confirmed first, acked second: a crash in
// between can duplicate, never lose — handlers are idempotent). After a broker restart the connection,
// the topology and every consumer come back by themselves.
import amqp, {
  type Channel,
  type ChannelModel,
  type ConfirmChannel,
  type ConsumeMessage,
  type GetMessage,
} from "amqplib";
import type { Envelope } from "@emporium/contracts";
import type { Logger } from "@emporium/observability";
import { dispatch } from "../dispatch";
import { commandDeadLetter, commandIdOf } from "../dead-letter-view";
import type { CommandBus, CommandDeadLetter, MessageHandler, QueueDepth, Subscription } from "../ports";
import { DEFAULT_RETRY, sleep, type RetryPolicy } from "../retry";
import { deadLetterQueueArguments, isPreconditionFailed } from "./dead-letter-queue";

type RecoveringConnection = Awaited<ReturnType<typeof connectWithRecovery>>;

function connectWithRecovery(url: string, setup: (model: ChannelModel) => Promise<void>) {
  return amqp.connect(url, {
    recovery: {
      initialDelay: 200,
      maxDelay: 5_000,
      jitter: 0.3,
      maxRetries: Infinity,
      waitForConnect: false,
      setup,
    },
  });
}

export interface RabbitCommandBusOptions {
  url: string;
  log: Logger;
  retry?: RetryPolicy;
  /** Queues that need a different retry schedule (captures and refunds keep trying for longer). */
  retryByQueue?: Readonly<Record<string, RetryPolicy>>;
  /** Deliveries of one message (crashes included) before the broker dead-letters it (default 20). */
  deliveryLimit?: number;
  /** How long send() waits for a connection before giving up (default 15 s). */
  connectTimeoutMs?: number;
}

interface ConsumerSpec {
  queue: string;
  handle: MessageHandler;
  concurrency: number;
  channel: Channel | null;
  consumerTag: string | null;
  inFlight: number;
  stopped: boolean;
}

export class RabbitCommandBus implements CommandBus {
  private readonly log: Logger;
  private readonly retry: RetryPolicy;
  private readonly deliveryLimit: number;
  private readonly connectTimeoutMs: number;
  private connection: RecoveringConnection | null = null;
  /** The live connection under the recovering one, for a channel of its own (declareDeadLetterQueue). */
  private model: ChannelModel | null = null;
  /** Dead-letter queues found with older arguments, said once each. */
  private readonly keptDeadLetterQueues = new Set<string>();
  private publisher: ConfirmChannel | null = null;
  private declared = new Set<string>();
  private readonly consumers = new Set<ConsumerSpec>();
  private waiters: (() => void)[] = [];
  /** One look at a queue's dead letters at a time: a look holds them all, hiding them from another. */
  private readonly deadLocks = new Map<string, Promise<unknown>>();
  private closed = false;

  private constructor(private readonly options: RabbitCommandBusOptions) {
    this.log = options.log.child({ component: "rabbitmq" });
    this.retry = options.retry ?? DEFAULT_RETRY;
    this.deliveryLimit = options.deliveryLimit ?? 20;
    this.connectTimeoutMs = options.connectTimeoutMs ?? 15_000;
  }

  /** Connects (retrying in the background until the broker answers) and returns at once. */
  static async connect(options: RabbitCommandBusOptions): Promise<RabbitCommandBus> {
    const bus = new RabbitCommandBus(options);
    const connection = await connectWithRecovery(options.url, (model) => bus.onConnected(model));
    bus.connection = connection;
    connection.on("disconnect", (err: Error) => {
      bus.publisher = null;
      bus.log.warn({ err: err.message }, "disconnected from RabbitMQ; reconnecting");
    });
    connection.on("error", (err: Error) => bus.log.warn({ err: err.message }, "RabbitMQ connection error"));
    return bus;
  }

  /** Runs after every (re)connection: topology, publisher channel and every registered consumer. */
  private async onConnected(model: ChannelModel): Promise<void> {
    this.declared = new Set();
    this.model = model;
    const publisher = await model.createConfirmChannel();
    publisher.on("error", (err: Error) => this.log.warn({ err: err.message }, "publisher channel error"));
    publisher.on("close", () => {
      if (this.publisher === publisher) this.publisher = null;
    });
    for (const spec of this.consumers) if (!spec.stopped) await this.startConsumer(model, spec);
    this.publisher = publisher;
    this.log.info({ consumers: this.consumers.size }, "connected to RabbitMQ");
    const waiting = this.waiters;
    this.waiters = [];
    for (const wake of waiting) wake();
  }

  private async ready(): Promise<ConfirmChannel> {
    const deadline = Date.now() + this.connectTimeoutMs;
    while (!this.publisher) {
      if (this.closed) throw new Error("command bus is closed");
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`RabbitMQ unavailable for ${this.connectTimeoutMs} ms`);
      await Promise.race([
        new Promise<void>((resolve) => this.waiters.push(resolve)),
        sleep(Math.min(left, 500)),
      ]);
    }
    return this.publisher;
  }

  private policy(queue: string): RetryPolicy {
    return this.options.retryByQueue?.[queue] ?? this.retry;
  }

  private retryQueue(queue: string, delayMs: number): string {
    return `${queue}.retry.${delayMs}ms`;
  }

  private async declare(channel: Channel, queue: string): Promise<void> {
    if (this.declared.has(queue)) return;
    await this.declareDeadLetterQueue(channel, queue);
    await channel.assertQueue(queue, {
      durable: true,
      arguments: {
        "x-queue-type": "quorum",
        "x-delivery-limit": this.deliveryLimit,
        "x-dead-letter-exchange": "",
        "x-dead-letter-routing-key": `${queue}.dlq`,
      },
    });
    for (const delay of new Set(this.policy(queue).delaysMs))
      await channel.assertQueue(this.retryQueue(queue, delay), {
        durable: true,
        arguments: {
          "x-message-ttl": delay,
          "x-dead-letter-exchange": "",
          "x-dead-letter-routing-key": queue,
        },
      });
    this.declared.add(queue);
  }

  /**
   * Declares `q.dlq` with the arguments this server wants (dead-letter-queue.ts). One made earlier with
   * other arguments refuses (406) and would close the channel the refusal came on, so the declaration
   * goes on a channel of its own; the existing queue is then used as it is, and an operator is told.
   */
  private async declareDeadLetterQueue(channel: Channel, queue: string): Promise<void> {
    const dlq = `${queue}.dlq`;
    const version = channel.connection.serverProperties.version;
    const model = this.model;
    if (!model) throw new Error("not connected to RabbitMQ");
    const own = await model.createChannel();
    own.on("error", () => undefined);
    try {
      await own.assertQueue(dlq, { durable: true, arguments: deadLetterQueueArguments(version) });
    } catch (err) {
      if (!isPreconditionFailed(err)) throw err;
      if (!this.keptDeadLetterQueues.has(dlq)) {
        this.keptDeadLetterQueues.add(dlq);
        this.log.warn(
          { queue: dlq, rabbitmq: version, err: err instanceof Error ? err.message : String(err) },
          "dead-letter queue made with other arguments is kept as it is; on RabbitMQ 4 its messages may be dropped after 20 looks until its delivery limit is lifted (docs/operations.md, RabbitMQ 4 and the dead-letter queues)",
        );
      }
    } finally {
      await own.close().catch(() => undefined);
    }
  }

  private async publishConfirmed(
    queue: string,
    body: Buffer,
    headers: Record<string, string | number>,
    meta: { messageId?: string | undefined; type?: string | undefined } = {},
  ): Promise<void> {
    const channel = await this.ready();
    await new Promise<void>((resolve, reject) => {
      channel.sendToQueue(
        queue,
        body,
        {
          persistent: true,
          contentType: "application/json",
          ...(meta.messageId ? { messageId: meta.messageId } : {}),
          ...(meta.type ? { type: meta.type } : {}),
          headers,
        },
        (err: unknown) => (err ? reject(err instanceof Error ? err : new Error(String(err))) : resolve()),
      );
    });
  }

  async send(queue: string, envelope: Envelope): Promise<void> {
    const channel = await this.ready();
    await this.declare(channel, queue);
    await this.publishConfirmed(
      queue,
      Buffer.from(JSON.stringify(envelope)),
      { "x-attempt": 1, ...(envelope.traceparent ? { traceparent: envelope.traceparent } : {}) },
      {
        messageId: envelope.id,
        type: envelope.type,
      },
    );
  }

  async sendRaw(queue: string, body: Buffer): Promise<void> {
    const channel = await this.ready();
    await this.declare(channel, queue);
    // An id even for bytes that are no envelope, so an operator can name it once it is dead-lettered.
    await this.publishConfirmed(queue, body, { "x-attempt": 1 }, { messageId: commandIdOf(body) });
  }

  async consume(options: {
    queue: string;
    handle: MessageHandler;
    concurrency?: number;
  }): Promise<Subscription> {
    const spec: ConsumerSpec = {
      queue: options.queue,
      handle: options.handle,
      concurrency: options.concurrency ?? 4,
      channel: null,
      consumerTag: null,
      inFlight: 0,
      stopped: false,
    };
    this.consumers.add(spec);
    // Connected already: start now. Otherwise the next onConnected starts it.
    if (this.publisher && this.connection) {
      const channel = await this.connection.createChannel();
      await this.attach(channel, spec);
    }
    return {
      stop: async () => {
        spec.stopped = true;
        this.consumers.delete(spec);
        const channel = spec.channel;
        if (channel && spec.consumerTag) await channel.cancel(spec.consumerTag).catch(() => undefined);
        // Let handlers in flight finish and acknowledge before the channel goes.
        for (let i = 0; spec.inFlight > 0 && i < 600; i++) await sleep(50);
        if (channel) await channel.close().catch(() => undefined);
      },
    };
  }

  private async startConsumer(model: ChannelModel, spec: ConsumerSpec): Promise<void> {
    await this.attach(await model.createChannel(), spec);
  }

  private async attach(channel: Channel, spec: ConsumerSpec): Promise<void> {
    channel.on("error", (err: Error) =>
      this.log.warn({ queue: spec.queue, err: err.message }, "consumer channel error"),
    );
    await channel.prefetch(spec.concurrency);
    await this.declare(channel, spec.queue);
    spec.channel = channel;
    const { consumerTag } = await channel.consume(
      spec.queue,
      (msg) => {
        if (msg) void this.onMessage(channel, spec, msg);
      },
      { noAck: false },
    );
    spec.consumerTag = consumerTag;
  }

  private async onMessage(channel: Channel, spec: ConsumerSpec, msg: ConsumeMessage): Promise<void> {
    spec.inFlight++;
    try {
      const headers = msg.properties.headers ?? {};
      const attempt = Number(headers["x-attempt"] ?? 1) || 1;
      // The producer's span: a retry keeps it, so every attempt is a child of the same send.
      const trace: { traceparent?: string } =
        typeof headers.traceparent === "string" ? { traceparent: headers.traceparent } : {};
      const outcome = await dispatch(
        msg.content,
        { source: spec.queue, attempt },
        spec.handle,
        this.policy(spec.queue),
        this.log,
        { kind: "command", ...trace },
      );
      const carry = {
        messageId: msg.properties.messageId as string | undefined,
        type: msg.properties.type as string | undefined,
      };
      if (outcome.kind === "retry") {
        await this.publishConfirmed(
          this.retryQueue(spec.queue, outcome.delayMs),
          msg.content,
          {
            "x-attempt": attempt + 1,
            "x-last-error": outcome.error.slice(0, 500),
            ...(trace.traceparent ? { traceparent: trace.traceparent } : {}),
          },
          carry,
        );
      } else if (outcome.kind === "dead") {
        await this.publishConfirmed(
          `${spec.queue}.dlq`,
          msg.content,
          {
            "x-dead-letter-reason": outcome.reason.slice(0, 1000),
            "x-original-queue": spec.queue,
            "x-attempt": attempt,
            "x-dead-at": new Date().toISOString(),
            ...(trace.traceparent ? { traceparent: trace.traceparent } : {}),
          },
          carry,
        );
      }
      channel.ack(msg);
    } catch (err) {
      // The broker is going away or the channel closed: leave the message unacknowledged; it is
      // delivered again once the connection is back.
      this.log.warn(
        { queue: spec.queue, err: err instanceof Error ? err.message : String(err) },
        "could not settle a message",
      );
    } finally {
      spec.inFlight--;
    }
  }

  /** A dead-lettered message as an operator sees it. */
  private describeDead(queue: string, msg: GetMessage): CommandDeadLetter {
    const headers = (msg.properties.headers ?? {}) as Record<string, unknown>;
    const attempt = Number(headers["x-attempt"]);
    // Dead-lettered by the broker (delivery limit): x-death says when, in seconds.
    const death = Array.isArray(headers["x-death"]) ? (headers["x-death"][0] as unknown) : undefined;
    const deathTime =
      death !== null && typeof death === "object" ? (death as Record<string, unknown>).time : undefined;
    const deadAt =
      typeof headers["x-dead-at"] === "string"
        ? headers["x-dead-at"]
        : typeof deathTime === "number"
          ? new Date(deathTime * 1000).toISOString()
          : null;
    return commandDeadLetter(msg.content, {
      source: String(headers["x-original-queue"] ?? queue),
      reason: String(headers["x-dead-letter-reason"] ?? headers["x-first-death-reason"] ?? "delivery limit"),
      messageId: msg.properties.messageId as string | undefined,
      type: msg.properties.type as string | undefined,
      attempts: Number.isInteger(attempt) && attempt > 0 ? attempt : null,
      deadAt,
    });
  }

  /**
   * Runs `look` on a channel holding every dead letter of `queue` unacknowledged, oldest first, then
   * hands back whatever it did not acknowledge: looking never consumes.
   */
  private withDeadLetters<T>(
    queue: string,
    look: (channel: Channel, held: GetMessage[]) => Promise<T>,
  ): Promise<T> {
    const previous = this.deadLocks.get(queue) ?? Promise.resolve();
    const next = previous.catch(() => undefined).then(() => this.holdDeadLetters(queue, look));
    this.deadLocks.set(queue, next);
    void next
      .finally(() => {
        if (this.deadLocks.get(queue) === next) this.deadLocks.delete(queue);
      })
      .catch(() => undefined);
    return next;
  }

  private async holdDeadLetters<T>(
    queue: string,
    look: (channel: Channel, held: GetMessage[]) => Promise<T>,
  ): Promise<T> {
    await this.ready();
    if (!this.connection) throw new Error("command bus is closed");
    const channel = await this.connection.createChannel();
    try {
      await this.declare(channel, queue);
      const held: GetMessage[] = [];
      for (let i = 0; i < 10_000; i++) {
        const msg = await channel.get(`${queue}.dlq`, { noAck: false });
        if (!msg) break;
        held.push(msg);
      }
      const result = await look(channel, held);
      channel.nackAll(true);
      return result;
    } finally {
      // Closing returns anything still unacknowledged (a failed look included) to the queue.
      await channel.close().catch(() => undefined);
    }
  }

  async deadLetters(queue: string, limit = 100): Promise<CommandDeadLetter[]> {
    return this.withDeadLetters(queue, async (_channel, held) =>
      held.slice(-limit).map((msg) => this.describeDead(queue, msg)),
    );
  }

  /** Acknowledges (removes) the dead letter named `messageId` once `before` has resolved. */
  private settleDead(
    queue: string,
    messageId: string,
    before: (msg: GetMessage) => Promise<void>,
  ): Promise<boolean> {
    return this.withDeadLetters(queue, async (channel, held) => {
      const msg = held.find((m) => this.describeDead(queue, m).messageId === messageId);
      if (!msg) return false;
      await before(msg);
      channel.ack(msg);
      return true;
    });
  }

  async replay(queue: string, messageId: string): Promise<boolean> {
    return this.settleDead(queue, messageId, async (msg) => {
      const headers = msg.properties.headers ?? {};
      // Confirmed first, removed second: a crash in between can duplicate, never lose.
      await this.publishConfirmed(
        queue,
        msg.content,
        {
          "x-attempt": 1,
          "x-replayed-at": new Date().toISOString(),
          ...(typeof headers.traceparent === "string" ? { traceparent: headers.traceparent } : {}),
        },
        { messageId, type: msg.properties.type as string | undefined },
      );
    });
  }

  async discard(queue: string, messageId: string): Promise<boolean> {
    return this.settleDead(queue, messageId, async () => undefined);
  }

  async depth(queue: string): Promise<QueueDepth> {
    await this.ready();
    if (!this.connection) return { ready: 0, retrying: 0, dead: 0 };
    const channel = await this.connection.createChannel();
    try {
      await this.declare(channel, queue);
      const count = async (name: string) => (await channel.checkQueue(name)).messageCount;
      const retries = [...new Set(this.policy(queue).delaysMs)].map((d) => count(this.retryQueue(queue, d)));
      return {
        ready: await count(queue),
        retrying: (await Promise.all(retries)).reduce((a, b) => a + b, 0),
        dead: await count(`${queue}.dlq`),
      };
    } finally {
      await channel.close().catch(() => undefined);
    }
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const spec of [...this.consumers]) {
      spec.stopped = true;
      if (spec.channel && spec.consumerTag)
        await spec.channel.cancel(spec.consumerTag).catch(() => undefined);
    }
    for (let i = 0; [...this.consumers].some((s) => s.inFlight > 0) && i < 200; i++) await sleep(50);
    this.consumers.clear();
    await this.connection?.close().catch(() => undefined);
  }
}
