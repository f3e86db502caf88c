import { randomUUID } from "node:crypto";
import { createEnvelope, defineMessage, type Envelope } from "@emporium/contracts";
import { createLogger } from "@emporium/observability";
import { z } from "zod";

export const log = createLogger({ service: "messaging-test", level: process.env.TEST_LOG_LEVEL ?? "silent" });

export const pingV1 = defineMessage("test.ping.v1", z.object({ n: z.number().int(), key: z.string() }));

export function ping(key: string, n: number): Envelope {
  return createEnvelope(pingV1, key, { n, key });
}

export function unique(prefix: string): string {
  return `${prefix}-${randomUUID().slice(0, 8)}`;
}

export const FAST_RETRY = { delaysMs: [50, 150] };
