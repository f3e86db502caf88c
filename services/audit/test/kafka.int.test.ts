// The audit service on real Kafka and real MongoDB, as it runs in compose and Kubernetes: staff actions
// published on the audit topic by another process's producer (as the services' outbox relays publish
// them) are stored once each — an event published twice is one entry — and read back by an owner through
// the API, a page at a time; what is not a staff action goes to audit.dlq and holds nothing up. The
// service reads the real `audit` topic in a consumer group of this run's own (other runs' events there
// are stored too; every assertion is about this run's actor).
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TEST_PRINCIPALS } from "@emporium/auth/testing";
import { TOPICS } from "@emporium/contracts";
import { KafkaEventBus } from "@emporium/messaging";
import { createServiceMetrics } from "@emporium/observability";
import { requestAs } from "@emporium/service-kit/testing";
import { realServer, waitFor } from "@emporium/testkit";
import { appRouter } from "../src/api/router/_app";
import { createCallerFactory } from "../src/api/trpc";
import { createAuditService, type AuditService } from "../src/service";
import { log, staffAction } from "./fixture";
import { mongoTestAuditLog } from "./mongo-fixture";
import type { AuditLogUnderTest } from "./audit-log.contract";

const kafka = realServer("TEST_KAFKA_BROKERS", "audit log from Kafka into MongoDB");
const mongo = realServer("TEST_MONGO_URL", "audit log from Kafka into MongoDB");
const both = kafka.available && mongo.available;

describe.runIf(both)("the audit log from Kafka into MongoDB", () => {
  const run = randomUUID().slice(0, 8);
  const actor = `kafka-${run}@shop.test`;
  const brokers = (kafka.url ?? "").split(",");
  let store: AuditLogUnderTest;
  let consumerBus: KafkaEventBus;
  let publisher: KafkaEventBus;
  let service: AuditService;
  const owner = () =>
    createCallerFactory(appRouter)({ ...service.base, ...requestAs(TEST_PRINCIPALS.owner!) }).activity;

  beforeAll(async () => {
    store = await mongoTestAuditLog(mongo.url ?? "");
    consumerBus = new KafkaEventBus({
      brokers,
      clientId: `audit-${run}`,
      log,
      retry: { delaysMs: [100, 200, 400] },
    });
    publisher = new KafkaEventBus({ brokers, clientId: `audit-publisher-${run}`, log });
    service = createAuditService({
      auditLog: store.auditLog,
      events: consumerBus,
      log,
      metrics: createServiceMetrics("audit-kafka"),
      tokenKey: new Uint8Array(32),
      consumer: { group: `audit-log-${run}` },
    });
    await service.start();
  });

  afterAll(async () => {
    await service?.stop();
    await consumerBus?.close();
    await publisher?.close();
    await store?.dispose();
  });

  it("stores each staff action once, however often it is delivered, and pages through them", async () => {
    const actions = Array.from({ length: 30 }, (_, i) =>
      staffAction({
        at: new Date(Date.UTC(2026, 6, 1, 12, 0, i)),
        actor: { email: actor },
        action: i % 2 ? "product.price-changed" : "variant.stock-adjusted",
        target: { type: "product", id: `p-${run}-${i % 4}` },
      }),
    );
    const poison = Buffer.from(`{"not":"an envelope","run":"${run}"}`);
    const unknown = { ...staffAction({ actor: { email: actor } }), type: "audit.staff-action.v2" };
    // Across several sends, the first five again at the end (a relay that resent them after a crash).
    await publisher.publish(actions.slice(0, 12).map((envelope) => ({ topic: TOPICS.audit, envelope })));
    await publisher.publishRaw(TOPICS.audit, `poison-${run}`, poison);
    await publisher.publish([{ topic: TOPICS.audit, envelope: unknown }]);
    await publisher.publish(actions.slice(12).map((envelope) => ({ topic: TOPICS.audit, envelope })));
    await publisher.publish(actions.slice(0, 5).map((envelope) => ({ topic: TOPICS.audit, envelope })));
    // Then one marker per target, by another actor: keyed like the duplicates, so each lands on the
    // partition of the duplicates of its target, after them. Once every marker is stored, every
    // duplicate has been handled.
    const markers = [0, 1, 2, 3].map((t) =>
      staffAction({
        actor: { email: `marker-${run}@shop.test` },
        target: { type: "product", id: `p-${run}-${t}` },
      }),
    );
    await publisher.publish(markers.map((envelope) => ({ topic: TOPICS.audit, envelope })));

    await waitFor(
      async () => (await owner().list({ actor: `marker-${run}@`, limit: 10 })).items.length === 4,
      {
        timeoutMs: 60_000,
        what: "the staff actions and their duplicates to be handled",
      },
    );
    const seen: string[] = [];
    let page = await owner().list({ actor, limit: 7 });
    seen.push(...page.items.map((e) => e.id));
    while (page.nextCursor) {
      page = await owner().list({ actor, limit: 7, cursor: page.nextCursor });
      seen.push(...page.items.map((e) => e.id));
    }
    expect(seen).toEqual([...actions].reverse().map((e) => e.id));
    const [latest] = (await owner().list({ actor, limit: 1 })).items;
    expect(latest).toMatchObject({
      id: actions[29]!.id,
      at: "2026-07-01T12:00:29.000Z",
      actor: actions[29]!.data.actor,
      target: actions[29]!.data.target,
      changes: actions[29]!.data.changes,
      requestId: actions[29]!.data.requestId,
    });
    expect(await owner().actions()).toEqual(
      expect.arrayContaining(["product.price-changed", "variant.stock-adjusted"]),
    );

    // The poison and the unknown version were dead-lettered, not stored and not retried forever.
    const dead = await waitFor(
      async () => {
        const letters = await consumerBus.deadLetters(TOPICS.audit, 1_000);
        const ours = letters.filter((d) => d.body.includes(run));
        return ours.length >= 2 && ours;
      },
      { timeoutMs: 30_000, what: "the poison messages in audit.dlq" },
    );
    expect(dead.map((d) => d.reason).join("\n")).toMatch(
      /audit\.staff-action\.v2 is not an event the audit log reads/,
    );
    expect(dead.some((d) => d.body === poison.toString())).toBe(true);
    expect(seen).not.toContain(unknown.id);
  });
});
