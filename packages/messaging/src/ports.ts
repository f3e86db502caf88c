// The two messaging ports. Events (facts, many readers, replayable) go on an EventBus — Kafka, or an
// in-process log. Commands (one handler does the work) go on a CommandBus — RabbitMQ, or an in-process
// queue. Both deliver at least once: handlers must be idempotent (see processed-messages.ts). A handler
// that throws gets the message again later; one that throws PermanentMessageError, or a message that
// cannot be read, goes to the dead-letter queue at once.
import type { Envelope } from "@emporium/contracts";

export interface DeliveryInfo {
  /** The topic or queue the message came from. */
  source: string;
  /** 1 on first delivery, then counting retries. */
  attempt: number;
}

export type MessageHandler = (envelope: Envelope, info: DeliveryInfo) => Promise<void>;

export interface Subscription {
  stop(): Promise<void>;
}

export interface OutgoingEvent {
  topic: string;
  envelope: Envelope;
}

export interface SubscribeOptions {
  /** The consumer group: each group sees every event once. */
  group: string;
  topics: readonly string[];
  handle: MessageHandler;
  /** A new group starts at the oldest retained event instead of at the end. */
  fromBeginning?: boolean;
}

export interface DeadLetter {
  source: string;
  reason: string;
  body: string;
}

/** A dead command as an operator sees it. */
export interface CommandDeadLetter extends DeadLetter {
  /** The message's id (its envelope's); what replay and discard name. */
  messageId: string;
  /** The envelope's type, when the message could be read that far. */
  type: string | null;
  /** Deliveries tried before it was dead-lettered, when known. */
  attempts: number | null;
  /** When it was dead-lettered (ISO 8601), when known. */
  deadAt: string | null;
  /** The body, parsed when it is JSON, with secrets (card numbers, tokens, passwords) redacted. */
  payload: unknown;
}

export interface EventBus {
  /** Resolves once every event is durably accepted; events keyed by aggregateId keep their order. */
  publish(events: readonly OutgoingEvent[]): Promise<void>;
  /** Publishes bytes as they are (tools and tests: replaying, or proving bad input is dead-lettered). */
  publishRaw(topic: string, key: string, body: Buffer): Promise<void>;
  /**
   * Every group sees every event of its topics; within a group each event is handled once unless the
   * handler fails. An event's position is committed only after its handler resolved.
   */
  subscribe(options: SubscribeOptions): Promise<Subscription>;
  /** Events that could not be handled, most recent last (for operators and tests). */
  deadLetters(topic: string, limit?: number): Promise<DeadLetter[]>;
  /**
   * How far behind each group subscribed through this bus is, per topic and partition: events
   * published but not yet handled (committed) by the group.
   */
  consumerLag(): Promise<ConsumerLag[]>;
  /**
   * Dead letters kept for the topics this bus's groups consume, per topic: what failed and waits for a
   * person (replayed or not, a dead letter counts until an operator removes it from `<topic>.dlq`).
   */
  deadLetterBacklog(): Promise<DeadLetterBacklog[]>;
  close(): Promise<void>;
}

export interface DeadLetterBacklog {
  topic: string;
  messages: number;
}

export interface ConsumerLag {
  group: string;
  topic: string;
  partition: number;
  lag: number;
}

export interface CommandBus {
  /** Resolves once the broker has durably accepted the command. */
  send(queue: string, envelope: Envelope): Promise<void>;
  sendRaw(queue: string, body: Buffer): Promise<void>;
  /** Handles commands from a queue, `concurrency` at a time; acknowledged only after `handle` resolved. */
  consume(options: { queue: string; handle: MessageHandler; concurrency?: number }): Promise<Subscription>;
  /** Commands that could not be handled, oldest first, each named and with its payload redacted. */
  deadLetters(queue: string, limit?: number): Promise<CommandDeadLetter[]>;
  /**
   * Moves exactly one dead letter back to its queue as a first attempt (the broker confirms the
   * publish before the dead letter is removed). False, changing nothing, when the queue's dead
   * letters hold no message with that id: unknown, or already replayed or discarded.
   */
  replay(queue: string, messageId: string): Promise<boolean>;
  /** Removes exactly one dead letter for good. False, changing nothing, as for replay. */
  discard(queue: string, messageId: string): Promise<boolean>;
  /** Commands waiting in a queue: ready for a consumer, waiting out a retry delay, dead-lettered. */
  depth(queue: string): Promise<QueueDepth>;
  close(): Promise<void>;
}

export interface QueueDepth {
  ready: number;
  retrying: number;
  dead: number;
}

/** Thrown by a handler for a message that can never succeed: it is dead-lettered without retries. */
export class PermanentMessageError extends Error {
  override name = "PermanentMessageError";
}
