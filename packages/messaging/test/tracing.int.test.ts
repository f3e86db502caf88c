// Trace context through the outbox and the brokers: a message written in a span is published in a
// producer span, its child, and handled in a consumer span, the producer's child — one trace — on the
// in-process buses always and on RabbitMQ and Kafka when TEST_AMQP_URL / TEST_KAFKA_BROKERS name them.
// The message's traceparent header is the producer span's.
import amqp from "amqplib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { InMemorySpanExporter, type ReadableSpan } from "@opentelemetry/sdk-trace-base";
import { createEnvelope, type Envelope } from "@emporium/contracts";
import { embeddedTestDatabase, type TestDatabase } from "@emporium/db/testing";
import { inConsumerSpan, startTracing, stopTracing } from "@emporium/observability";
import { realServer, waitFor } from "@emporium/testkit";
import {
  dispatch,
  enqueue,
  InProcessCommandBus,
  InProcessEventBus,
  KafkaEventBus,
  OutboxRelay,
  RabbitCommandBus,
  type CommandBus,
  type EventBus,
} from "../src";
import { FAST_RETRY, log, pingV1, unique } from "./helpers";

const rabbit = realServer("TEST_AMQP_URL", "trace context through RabbitMQ");
const kafka = realServer("TEST_KAFKA_BROKERS", "trace context through Kafka");
const spans = new InMemorySpanExporter();
let t: TestDatabase;

beforeAll(async () => {
  await startTracing({ service: "messaging-test", exporter: "none", sampleRatio: 1, spanExporter: spans });
  // The outbox is the same on either database (outbox.int.test.ts); the brokers are what differ here.
  t = await embeddedTestDatabase().create();
});
afterAll(async () => {
  await stopTracing();
  await t?.dispose();
});

const idOf = (s: ReadableSpan | undefined) => s?.spanContext().spanId;

/**
 * Writes one ping to the orders outbox inside a span (as a request or a handler does) and publishes it
 * with a relay; answers the envelope and the name of the span that wrote it.
 */
async function writeAndRelay(
  message: { kind: "command"; queue: string } | { kind: "event"; topic: string },
  buses: { events: EventBus; commands: CommandBus },
): Promise<{ envelope: Envelope; origin: string }> {
  const origin = unique("origin");
  const write = (traceparent: string | undefined) => {
    const envelope = createEnvelope(pingV1, origin, { n: 1, key: origin }, { traceparent });
    const row =
      message.kind === "command"
        ? { kind: "command" as const, queue: message.queue, envelope }
        : { kind: "event" as const, topic: message.topic, envelope };
    return t.db.transaction((tx) => enqueue(tx, "orders", [row])).then(() => envelope);
  };
  const envelope = await inConsumerSpan(
    undefined,
    { destination: origin, kind: "event", messageId: origin, type: "test.origin.v1", attempt: 1 },
    write,
  );
  const relay = new OutboxRelay({ db: t.db, schema: "orders", log, ...buses });
  expect(await relay.drainOnce()).toBe(1);
  return { envelope, origin: `process ${origin}` };
}

const finished = (name: string) => spans.getFinishedSpans().find((s) => s.name === name);

/** Once `received` holds the message and its consumer span has ended, checks the trace's three spans. */
async function expectOneTrace(
  written: { envelope: Envelope; origin: string },
  destination: string,
  received: Envelope[],
) {
  await waitFor(() => finished(`process ${destination}`) !== undefined, { timeoutMs: 20_000 });
  const [origin, send, process] = [written.origin, `send ${destination}`, `process ${destination}`].map(
    finished,
  );
  expect(send?.parentSpanContext?.spanId).toBe(idOf(origin));
  expect(process?.parentSpanContext?.spanId).toBe(idOf(send));
  const traceIds = new Set([origin, send, process].map((s) => s?.spanContext().traceId));
  expect(traceIds.size).toBe(1);
  // The handler sees its own span's traceparent, for the messages it writes in turn.
  const handled = received.find((e) => e.id === written.envelope.id);
  expect(handled?.traceparent).toBe(`00-${process?.spanContext().traceId}-${idOf(process)}-01`);
}

describe("trace context through the outbox", () => {
  it("a command over the in-process queue", async () => {
    const commands = new InProcessCommandBus(log, FAST_RETRY);
    const events = new InProcessEventBus(log, FAST_RETRY);
    const received: Envelope[] = [];
    const queue = unique("trace.cmd");
    const sub = await commands.consume({ queue, handle: async (e) => void received.push(e) });
    try {
      await expectOneTrace(
        await writeAndRelay({ kind: "command", queue }, { events, commands }),
        queue,
        received,
      );
    } finally {
      await sub.stop();
      await commands.close();
      await events.close();
    }
  });

  it.runIf(rabbit.available)("a command over RabbitMQ, whose traceparent header is the send's", async () => {
    const commands = await RabbitCommandBus.connect({ url: rabbit.url ?? "", log, retry: FAST_RETRY });
    const events = new InProcessEventBus(log, FAST_RETRY);
    const queue = unique("trace.cmd");
    const received: Envelope[] = [];
    const connection = await amqp.connect(rabbit.url ?? "");
    const channel = await connection.createChannel();
    try {
      // Published with no consumer yet, the message is read as the broker holds it, then put back.
      const written = await writeAndRelay({ kind: "command", queue }, { events, commands });
      const held = await channel.get(queue, { noAck: false });
      expect(held).not.toBe(false);
      if (held) channel.nack(held, false, true);
      const send = finished(`send ${queue}`);
      expect(held && held.properties.headers?.traceparent).toBe(
        `00-${send?.spanContext().traceId}-${idOf(send)}-01`,
      );
      const sub = await commands.consume({ queue, handle: async (e) => void received.push(e) });
      await expectOneTrace(written, queue, received);
      await sub.stop();
    } finally {
      await channel.deleteQueue(queue).catch(() => undefined);
      for (const d of FAST_RETRY.delaysMs) await channel.deleteQueue(`${queue}.retry.${d}ms`).catch(() => 0);
      await channel.deleteQueue(`${queue}.dlq`).catch(() => undefined);
      await connection.close();
      await commands.close();
      await events.close();
    }
  });

  it.runIf(kafka.available)("an event over Kafka", async () => {
    const events = new KafkaEventBus({ brokers: (kafka.url ?? "").split(","), clientId: "trace-test", log });
    const commands = new InProcessCommandBus(log, FAST_RETRY);
    const topic = unique("trace-evt");
    const received: Envelope[] = [];
    const sub = await events.subscribe({
      group: unique("trace-group"),
      topics: [topic],
      fromBeginning: true,
      handle: async (e) => void received.push(e),
    });
    try {
      await expectOneTrace(
        await writeAndRelay({ kind: "event", topic }, { events, commands }),
        topic,
        received,
      );
    } finally {
      await sub.stop();
      await events.close();
      await commands.close();
    }
  });

  it("a traceparent header wins over the envelope's", async () => {
    const header = "00-11111111111111111111111111111111-2222222222222222-01";
    const envelope = createEnvelope(
      pingV1,
      "k",
      { n: 1, key: "k" },
      { traceparent: "00-33333333333333333333333333333333-4444444444444444-01" },
    );
    const destination = unique("trace.header");
    await dispatch(
      Buffer.from(JSON.stringify(envelope)),
      { source: destination, attempt: 1 },
      async () => undefined,
      FAST_RETRY,
      log,
      { kind: "command", traceparent: header },
    );
    const process = spans.getFinishedSpans().find((s) => s.name === `process ${destination}`);
    expect(process?.parentSpanContext?.spanId).toBe("2222222222222222");
    expect(process?.spanContext().traceId).toBe("11111111111111111111111111111111");
  });
});
