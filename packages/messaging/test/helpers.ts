import { randomUUID } from "node:crypto";
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
