// A command queue's dead letters against a real RabbitMQ (TEST_AMQP_URL): looked at far more often
// than a quorum queue's default delivery limit (20 on RabbitMQ 4), every one is still there; and a
// .dlq made earlier with other arguments (an existing install) is used as it is, with a warning, instead
// of failing the service.
import amqp from "amqplib";
import { afterAll, describe, expect, it } from "vitest";
import { createLogger } from "@emporium/observability";
import { realServer, waitFor } from "@emporium/testkit";
import { PermanentMessageError, RabbitCommandBus } from "../src";
import { FAST_RETRY, log, ping, rabbitQueues } from "./helpers";

const rabbit = realServer("TEST_AMQP_URL", "dead-letter queues on RabbitMQ");
const queues = rabbitQueues(rabbit.url, "dlq");

afterAll(() => queues.deleteAll());

/** Sends two commands that can never be handled and waits until both are dead-lettered. */
async function deadLetterTwo(bus: RabbitCommandBus, queue: string): Promise<void> {
  const sub = await bus.consume({
    queue,
    handle: async () => {
      throw new PermanentMessageError("no such variant");
    },
  });
  await bus.send(queue, ping("a", 1));
  await bus.send(queue, ping("b", 2));
  await waitFor(async () => (await bus.depth(queue)).dead === 2, {
    timeoutMs: 30_000,
    what: "two dead letters",
  });
  await sub.stop();
}

describe.runIf(rabbit.available)("dead-letter queues on RabbitMQ", () => {
  it("keeps every dead letter however often the console looks at them", async () => {
    const bus = await RabbitCommandBus.connect({ url: rabbit.url ?? "", log, retry: FAST_RETRY });
    try {
      const queue = queues.name("looked-at");
      await deadLetterTwo(bus, queue);
      // Each look takes every dead letter and hands it back: one delivery each, 30 in all.
      for (let look = 1; look <= 30; look++) expect(await bus.deadLetters(queue)).toHaveLength(2);
      expect(await bus.depth(queue)).toEqual({ ready: 0, retrying: 0, dead: 2 });
    } finally {
      await bus.close();
    }
  });

  it("goes on with a .dlq that an earlier release made with other arguments, and says so", async () => {
    const queue = queues.name("existing");
    // As an install made before this release may have it: arguments the bus would not give it now.
    const connection = await amqp.connect(rabbit.url ?? "");
    const channel = await connection.createChannel();
    await channel.assertQueue(`${queue}.dlq`, {
      durable: true,
      arguments: { "x-queue-type": "quorum", "x-delivery-limit": 100 },
    });
    await connection.close();

    const warnings: string[] = [];
    const watched = createLogger({
      service: "messaging-test",
      level: "warn",
      ship: { write: (line: string) => warnings.push(line) },
    });
    const bus = await RabbitCommandBus.connect({ url: rabbit.url ?? "", log: watched, retry: FAST_RETRY });
    try {
      await deadLetterTwo(bus, queue);
      expect((await bus.deadLetters(queue)).map((d) => d.reason)).toEqual([
        "PermanentMessageError: no such variant",
        "PermanentMessageError: no such variant",
      ]);
      const kept = warnings.filter((l) => l.includes(`${queue}.dlq`) && l.includes("kept as it is"));
      // Said once, however many channels declared the queue.
      expect(kept).toHaveLength(1);
    } finally {
      await bus.close();
    }
  });
});
