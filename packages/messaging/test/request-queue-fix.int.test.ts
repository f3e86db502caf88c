// The kafkajs request-queue repair (src/kafka/request-queue-fix.ts) against a real broker: a connected,
// idle client no longer re-checks its queue every millisecond, and requests still flow.
import { createRequire } from "node:module";
import { afterAll, describe, expect, it } from "vitest";
import { realServer, waitFor } from "@emporium/testkit";
import { KafkaEventBus } from "../src";
import { patchedScheduleCheckPendingRequests } from "../src/kafka/request-queue-fix";
import { collectPings, log, ping, unique } from "./helpers";

const kafka = realServer("TEST_KAFKA_BROKERS", "kafkajs request-queue repair on Kafka");

interface Checkable {
  prototype: { checkPendingRequests(): void; scheduleCheckPendingRequests(): void };
}

describe("kafkajs request queue", () => {
  const RequestQueue = createRequire(import.meta.url)(
    "kafkajs/src/network/requestQueue/index.js",
  ) as Checkable;
  const original = RequestQueue.prototype.checkPendingRequests;
  let checks = 0;
  RequestQueue.prototype.checkPendingRequests = function (this: unknown) {
    checks++;
    original.call(this);
  };
  afterAll(() => {
    RequestQueue.prototype.checkPendingRequests = original;
  });

  it("is repaired wherever kafkajs is loaded", () => {
    expect(RequestQueue.prototype.scheduleCheckPendingRequests).toBe(patchedScheduleCheckPendingRequests);
  });

  it.runIf(kafka.available)("stays quiet while idle, and still delivers", async () => {
    const bus = new KafkaEventBus({ brokers: (kafka.url ?? "").split(","), clientId: unique("rq"), log });
    try {
      const topic = unique("rq-idle");
      const { got, sub } = await collectPings(bus, topic, unique("g"));
      await bus.publish([{ topic, envelope: ping("k", 1) }]);
      await waitFor(() => got.length === 1, { timeoutMs: 30_000, what: "the event" });
      // With the upstream loop every open connection checked about once a millisecond (hundreds in
      // half a second); repaired, checks happen only when requests complete.
      checks = 0;
      await new Promise((resolve) => setTimeout(resolve, 500));
      expect(checks).toBeLessThan(60);
      await bus.publish([{ topic, envelope: ping("k", 2) }]);
      await waitFor(() => got.length === 2, { timeoutMs: 30_000, what: "the second event" });
      await sub.stop();
    } finally {
      await bus.close();
    }
  });
});
