import { randomUUID } from "node:crypto";
import amqp from "amqplib";
import { createEnvelope, defineMessage, readMessage, type Envelope } from "@emporium/contracts";
import { createLogger } from "@emporium/observability";
import { z } from "zod";
import type { EventBus, Subscription } from "../src";

export const log = createLogger({ service: "messaging-test", level: process.env.TEST_LOG_LEVEL ?? "silent" });

export const pingV1 = defineMessage("test.ping.v1", z.object({ n: z.number().int(), key: z.string() }));

export function ping(key: string, n: number): Envelope {
  return createEnvelope(pingV1, key, { n, key });
}

export function unique(prefix: string): string {
  return `${prefix}-${randomUUID().slice(0, 8)}`;
}

export const FAST_RETRY = { delaysMs: [50, 150] };

/**
 * Command queue names for a test against RabbitMQ at `url`: `name` makes one, `deleteAll` removes each
 * with its .dlq and FAST_RETRY's retry queues (call it in afterAll).
 */
export function rabbitQueues(url: string | undefined, prefix: string) {
  const names: string[] = [];
  return {
    name(kind: string): string {
      const q = unique(`${prefix}.${kind}`);
      names.push(q);
      return q;
    },
    async deleteAll(): Promise<void> {
      if (!url || names.length === 0) return;
      const connection = await amqp.connect(url);
      const channel = await connection.createChannel();
      for (const q of names)
        for (const name of [q, `${q}.dlq`, ...FAST_RETRY.delaysMs.map((d) => `${q}.retry.${d}ms`)])
          await channel.deleteQueue(name).catch(() => undefined);
      await connection.close();
    },
  };
}

/**
 * Subscribes `group` to `topic` from the beginning; `got` fills with each ping's number as it is
 * handled, so a test can wait on its length.
 */
export async function collectPings(
  bus: EventBus,
  topic: string,
  group = "g",
): Promise<{ got: number[]; sub: Subscription }> {
  const got: number[] = [];
  const sub = await bus.subscribe({
    group,
    topics: [topic],
    fromBeginning: true,
    handle: async (e) => void got.push(readMessage(e, pingV1).data.n),
  });
  return { got, sub };
}
