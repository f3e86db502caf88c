// Events over Kafka (kafkajs): an idempotent producer (acks from all in-sync replicas, one request in
// flight, so retries never duplicate or reorder), keys = aggregate ids, consumer groups that commit an
// offset only after its handler resolved, in-partition retries with growing delays, and a `<topic>.dlq`
// topic for what cannot be handled. kafkajs reconnects by itself; a consumer that crashes with an error
// it will not retry is rebuilt here. Handled offsets are committed together every `commitIntervalMs`
// (and when a subscription stops) rather than after every batch — one request a while instead of one
// per message under load; a crash in between redelivers a few handled events, which handlers, being
// idempotent, answer with no change.
import { randomUUID } from "node:crypto";
import {
  Kafka,
  logLevel,
  type Admin,
  type Consumer,
  type EachBatchPayload,
  type LogEntry,
  type Producer,
  type SASLOptions,
} from "kafkajs";
import type { Logger } from "@emporium/observability";
import { dispatch } from "../dispatch";
import "./request-queue-fix";
import type {
  ConsumerLag,
  DeadLetter,
  DeadLetterBacklog,
  EventBus,
  OutgoingEvent,
  SubscribeOptions,
  Subscription,
} from "../ports";
import { backoff, DEFAULT_RETRY, sleep, type RetryPolicy } from "../retry";

export interface KafkaEventBusOptions {
  brokers: string[];
  clientId: string;
  log: Logger;
  retry?: RetryPolicy;
  /** Partitions for topics this bus creates (default 3). */
  partitions?: number;
  /** How long handled offsets may wait to be committed together (default 500 ms; 0: after every batch). */
  commitIntervalMs?: number;
  /**
   * TLS to the brokers (their certificates checked against Node's CAs and NODE_EXTRA_CA_CERTS), and
   * SASL authentication — what `kafkaSecurityOf` in @emporium/config/kafka makes of the environment.
   */
  ssl?: boolean;
  sasl?: SASLOptions;
}

const DLQ_SUFFIX = ".dlq";

function kafkaLogger(log: Logger) {
  return () =>
    ({ namespace, level, log: entry }: LogEntry) => {
      const { message, ...extra } = entry;
      const fields = { kafka: namespace, ...extra };
      if (level === logLevel.ERROR) log.error(fields, message);
      else if (level === logLevel.WARN) log.warn(fields, message);
      else log.debug(fields, message);
    };
}

export class KafkaEventBus implements EventBus {
  private readonly kafka: Kafka;
  private readonly log: Logger;
  private readonly retry: RetryPolicy;
  private readonly partitions: number;
  private readonly commitIntervalMs: number;
  private producer: Producer | null = null;
  private producerReady: Promise<Producer> | null = null;
  private readonly knownTopics = new Set<string>();
  private readonly consumers = new Set<Consumer>();
  /** The groups subscribed through this bus: their topics, and where a group without commits starts. */
  private readonly groups = new Map<string, { topics: Set<string>; fromBeginning: boolean }>();
  private admin: Promise<Admin> | null = null;
  private closed = false;

  constructor(options: KafkaEventBusOptions) {
    this.log = options.log.child({ component: "kafka" });
    this.retry = options.retry ?? DEFAULT_RETRY;
    this.partitions = options.partitions ?? 3;
    this.commitIntervalMs = options.commitIntervalMs ?? 500;
    this.kafka = new Kafka({
      clientId: options.clientId,
      brokers: options.brokers,
      ...(options.ssl ? { ssl: true } : {}),
      ...(options.sasl ? { sasl: options.sasl } : {}),
      logLevel: logLevel.WARN,
      logCreator: kafkaLogger(this.log),
      connectionTimeout: 3_000,
      requestTimeout: 10_000,
      retry: { initialRetryTime: 250, maxRetryTime: 5_000, retries: 8 },
    });
  }

  /**
   * Creates topics (and their dead-letter topics) that do not exist yet. A broker that refuses for a
   * while — still starting, or still deleting a topic of the same name — is asked again with growing
   * pauses for up to a minute, so a service started beside its broker comes up instead of exiting.
   */
  async ensureTopics(topics: readonly string[]): Promise<void> {
    const missing = topics
      .flatMap((t) => [t, t.endsWith(DLQ_SUFFIX) ? null : `${t}${DLQ_SUFFIX}`])
      .filter((t): t is string => t !== null && !this.knownTopics.has(t));
    if (missing.length === 0) return;
    await this.patiently("could not create topics yet", { topics: missing }, () =>
      this.createTopics(missing),
    );
  }

  /**
   * Runs `work` until it succeeds, asking again with growing pauses for up to a minute — a broker still
   * starting, or still settling after a topic was deleted — and logging each refusal as `what`.
   */
  private async patiently(what: string, fields: object, work: () => Promise<void>): Promise<void> {
    const deadline = Date.now() + 60_000;
    for (let attempt = 1; ; attempt++) {
      try {
        await work();
        return;
      } catch (err) {
        if (this.closed || Date.now() > deadline) throw err;
        const delay = backoff(attempt, 250, 5_000);
        this.log.warn({ ...fields, err: String(err), retryInMs: delay }, what);
        await sleep(delay);
      }
    }
  }

  private async createTopics(topics: readonly string[]): Promise<void> {
    const admin = this.kafka.admin();
    await admin.connect();
    try {
      await admin.createTopics({
        waitForLeaders: true,
        topics: topics.map((topic) => ({ topic, numPartitions: this.partitions, replicationFactor: -1 })),
      });
      for (const t of topics) this.knownTopics.add(t);
    } finally {
      await admin.disconnect();
    }
  }

  private async getProducer(): Promise<Producer> {
    if (this.closed) throw new Error("event bus is closed");
    if (!this.producerReady) {
      const producer = this.kafka.producer({
        idempotent: true,
        maxInFlightRequests: 1,
        allowAutoTopicCreation: true,
      });
      this.producerReady = producer.connect().then(
        () => {
          this.producer = producer;
          return producer;
        },
        (err: unknown) => {
          this.producerReady = null;
          throw err;
        },
      );
    }
    return this.producerReady;
  }

  async publish(events: readonly OutgoingEvent[]): Promise<void> {
    if (events.length === 0) return;
    await this.ensureTopics([...new Set(events.map((e) => e.topic))]);
    const byTopic = new Map<string, { key: string; value: string; headers: Record<string, string> }[]>();
    for (const { topic, envelope } of events) {
      const list = byTopic.get(topic) ?? [];
      list.push({
        key: envelope.aggregateId,
        value: JSON.stringify(envelope),
        headers: {
          "message-id": envelope.id,
          "message-type": envelope.type,
          ...(envelope.traceparent ? { traceparent: envelope.traceparent } : {}),
        },
      });
      byTopic.set(topic, list);
    }
    const producer = await this.getProducer();
    await producer.sendBatch({
      acks: -1,
      topicMessages: [...byTopic].map(([topic, messages]) => ({ topic, messages })),
    });
  }

  async publishRaw(topic: string, key: string, body: Buffer): Promise<void> {
    await this.ensureTopics([topic]);
    const producer = await this.getProducer();
    await producer.send({ topic, acks: -1, messages: [{ key, value: body }] });
  }

  async subscribe(options: SubscribeOptions): Promise<Subscription> {
    await this.ensureTopics(options.topics);
    const known = this.groups.get(options.group);
    if (known) for (const topic of options.topics) known.topics.add(topic);
    else
      this.groups.set(options.group, {
        topics: new Set(options.topics),
        fromBeginning: options.fromBeginning ?? false,
      });
    let stopped = false;
    let current: Consumer | null = null;
    const abort = new AbortController();
    // Handled positions not committed yet, per topic-partition, and the timer that commits them.
    const handled = new Map<string, { topic: string; partition: number; offset: string }>();
    let commitTimer: NodeJS.Timeout | null = null;
    let batchesInFlight = 0;
    const commitHandled = async (consumer: Consumer): Promise<void> => {
      if (commitTimer) clearTimeout(commitTimer);
      commitTimer = null;
      const offsets = [...handled.values()];
      handled.clear();
      if (offsets.length === 0) return;
      // A commit refused (a rebalance took the partition) only means those events come again.
      await consumer
        .commitOffsets(offsets)
        .catch((err: unknown) =>
          this.log.warn(
            { group: options.group, err: String(err) },
            "offsets not committed; events will be redelivered",
          ),
        );
    };

    const start = async (): Promise<void> => {
      const consumer = this.kafka.consumer({
        groupId: options.group,
        sessionTimeout: 30_000,
        heartbeatInterval: 3_000,
        retry: { initialRetryTime: 250, maxRetryTime: 5_000, retries: 10 },
      });
      current = consumer;
      handled.clear();
      this.consumers.add(consumer);
      consumer.on(consumer.events.CRASH, (event) => {
        const { error, restart } = event.payload;
        this.log.warn({ group: options.group, err: error.message, restart }, "kafka consumer crashed");
        if (!restart && !stopped) void rebuild(consumer);
      });
      await consumer.connect();
      await consumer.subscribe({
        topics: [...options.topics],
        fromBeginning: options.fromBeginning ?? false,
      });
      await consumer.run({
        autoCommit: false,
        eachBatchAutoResolve: false,
        partitionsConsumedConcurrently: this.partitions * options.topics.length,
        // One batch per partition: messages in order, each handled (with in-place retries) before the
        // next; the partition's position moves past a message only once it was handled — never before.
        eachBatch: async (payload) => {
          batchesInFlight++;
          try {
            await handleBatch(consumer, payload);
          } finally {
            batchesInFlight--;
          }
        },
      });
    };

    const handleBatch = async (
      consumer: Consumer,
      { batch, resolveOffset, heartbeat, isRunning, isStale }: EachBatchPayload,
    ): Promise<void> => {
      let last: string | null = null;
      for (const message of batch.messages) {
        if (!isRunning() || isStale() || stopped) break;
        const body = message.value ?? Buffer.alloc(0);
        for (let attempt = 1; ; attempt++) {
          const outcome = await dispatch(
            body,
            { source: batch.topic, attempt },
            options.handle,
            this.retry,
            this.log,
            { kind: "event", traceparent: message.headers?.traceparent?.toString() },
          );
          if (outcome.kind === "retry") {
            // Heartbeat while waiting, so a slow retry does not cost the group its partitions.
            for (let waited = 0; waited < outcome.delayMs && !stopped; waited += 2_000) {
              await sleep(Math.min(2_000, outcome.delayMs - waited), abort.signal);
              await heartbeat();
            }
            if (stopped) break;
            continue;
          }
          if (outcome.kind === "dead")
            await this.deadLetter(batch.topic, message.key?.toString() ?? "", body, outcome.reason);
          resolveOffset(message.offset);
          last = message.offset;
          break;
        }
        await heartbeat();
      }
      if (last === null) return;
      handled.set(`${batch.topic}:${batch.partition}`, {
        topic: batch.topic,
        partition: batch.partition,
        offset: (BigInt(last) + 1n).toString(),
      });
      if (this.commitIntervalMs === 0) await commitHandled(consumer);
      else commitTimer ??= setTimeout(() => void commitHandled(consumer), this.commitIntervalMs);
    };

    const rebuild = async (old: Consumer): Promise<void> => {
      this.consumers.delete(old);
      if (commitTimer) clearTimeout(commitTimer);
      commitTimer = null;
      await old.disconnect().catch(() => undefined);
      for (let attempt = 1; !stopped && !this.closed; attempt++) {
        await sleep(backoff(attempt, 500, 10_000), abort.signal);
        try {
          await start();
          this.log.info({ group: options.group }, "kafka consumer rebuilt");
          return;
        } catch (err) {
          this.log.warn({ group: options.group, err }, "kafka consumer could not restart yet");
        }
      }
    };

    const currentConsumer = (): Consumer | null => current;
    // The first start gets the same patience as topic creation: metadata for a topic created a moment
    // ago can still be missing on the broker. A start that failed leaves no consumer behind.
    await this.patiently("could not subscribe yet", { group: options.group }, async () => {
      try {
        await start();
      } catch (err) {
        const failed = currentConsumer();
        if (failed) {
          this.consumers.delete(failed);
          await failed.disconnect().catch(() => undefined);
        }
        throw err;
      }
    });
    return {
      stop: async () => {
        stopped = true;
        abort.abort();
        const consumer = current;
        if (consumer) {
          // The batch in hand stops after its current message; what it handled is committed first.
          for (let i = 0; batchesInFlight > 0 && i < 600; i++) await sleep(50);
          await commitHandled(consumer);
          this.consumers.delete(consumer);
          await consumer.disconnect().catch(() => undefined);
        }
      },
    };
  }

  private async deadLetter(topic: string, key: string, body: Buffer, reason: string): Promise<void> {
    const dlq = `${topic}${DLQ_SUFFIX}`;
    await this.ensureTopics([dlq]);
    const producer = await this.getProducer();
    await producer.send({
      topic: dlq,
      acks: -1,
      messages: [
        {
          key,
          value: body,
          headers: { "dead-letter-reason": reason.slice(0, 1000), "original-topic": topic },
        },
      ],
    });
  }

  async deadLetters(topic: string, limit = 100): Promise<DeadLetter[]> {
    const dlq = `${topic}${DLQ_SUFFIX}`;
    await this.ensureTopics([dlq]);
    const admin = this.kafka.admin();
    await admin.connect();
    const ends = await admin.fetchTopicOffsets(dlq);
    await admin.disconnect();
    const remaining = new Map(ends.filter((p) => p.high !== p.low).map((p) => [p.partition, BigInt(p.high)]));
    const found: DeadLetter[] = [];
    if (remaining.size === 0) return found;
    const group = `emporium-dlq-reader-${randomUUID()}`;
    const consumer = this.kafka.consumer({ groupId: group });
    await consumer.connect();
    try {
      await consumer.subscribe({ topics: [dlq], fromBeginning: true });
      await new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`reading ${dlq} timed out`)), 20_000);
        void consumer.run({
          eachMessage: async ({ partition, message }) => {
            found.push({
              source: message.headers?.["original-topic"]?.toString() ?? topic,
              reason: message.headers?.["dead-letter-reason"]?.toString() ?? "",
              body: message.value?.toString("utf8") ?? "",
            });
            const end = remaining.get(partition);
            if (end !== undefined && BigInt(message.offset) + 1n >= end) remaining.delete(partition);
            if (remaining.size === 0) {
              clearTimeout(timer);
              resolve();
            }
          },
        });
      });
    } finally {
      await consumer.disconnect().catch(() => undefined);
      const admin2 = this.kafka.admin();
      await admin2.connect();
      await admin2.deleteGroups([group]).catch(() => undefined);
      await admin2.disconnect();
    }
    return found.slice(-limit);
  }

  /**
   * Each group's committed position against each partition's end, from the brokers (one admin
   * connection kept for it): what the group has really finished, whichever instance handled it.
   */
  async consumerLag(): Promise<ConsumerLag[]> {
    if (this.groups.size === 0) return [];
    const admin = await this.sharedAdmin();
    const topics = this.consumedTopics();
    const ends = new Map(
      await Promise.all(topics.map(async (topic) => [topic, await admin.fetchTopicOffsets(topic)] as const)),
    );
    const lags = await Promise.all(
      [...this.groups].map(async ([group, { topics: mine, fromBeginning }]) => {
        const committed = await admin.fetchOffsets({ groupId: group, topics: [...mine] });
        return committed.flatMap(({ topic, partitions }) =>
          partitions.map(({ partition, offset }) => {
            const end = ends.get(topic)?.find((p) => p.partition === partition);
            const high = Number(end?.high ?? 0);
            // No commit yet: a new group reads from the oldest retained event, or from the end.
            const position =
              Number(offset) >= 0 ? Number(offset) : fromBeginning ? Number(end?.low ?? 0) : high;
            return { group, topic, partition, lag: Math.max(0, high - position) };
          }),
        );
      }),
    );
    return lags.flat();
  }

  /** Each consumed topic's `<topic>.dlq`: what its partitions still keep (end minus start). */
  async deadLetterBacklog(): Promise<DeadLetterBacklog[]> {
    if (this.groups.size === 0) return [];
    const admin = await this.sharedAdmin();
    return Promise.all(
      this.consumedTopics().map(async (topic) => {
        await this.ensureTopics([topic]);
        const partitions = await admin.fetchTopicOffsets(`${topic}${DLQ_SUFFIX}`);
        const messages = partitions.reduce((n, p) => n + Math.max(0, Number(p.high) - Number(p.low)), 0);
        return { topic, messages };
      }),
    );
  }

  private consumedTopics(): string[] {
    return [...new Set([...this.groups.values()].flatMap((g) => [...g.topics]))];
  }

  /** One admin connection for the readings taken at each scrape, made again after a failure. */
  private async sharedAdmin(): Promise<Admin> {
    this.admin ??= (async () => {
      const admin = this.kafka.admin();
      await admin.connect();
      return admin;
    })();
    try {
      return await this.admin;
    } catch (err) {
      this.admin = null;
      throw err;
    }
  }

  async close(): Promise<void> {
    this.closed = true;
    if (this.admin) await (await this.admin.catch(() => null))?.disconnect().catch(() => undefined);
    this.admin = null;
    await Promise.all([...this.consumers].map((c) => c.disconnect().catch(() => undefined)));
    this.consumers.clear();
    if (this.producer) await this.producer.disconnect().catch(() => undefined);
  }
}
