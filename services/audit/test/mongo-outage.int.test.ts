// MongoDB dies while staff actions keep arriving on Kafka, then comes back: none is lost and none is
// stored twice. A mongo-java-server of this test's own (never the shared one) is killed between two
// batches and started again on the same port; the service — same process, same MongoClient, same
// Kafka consumer — is never restarted.
//
// mongo-java-server keeps everything in memory, so the server that comes back is empty: what was stored
// before the kill is gone with it (a real MongoDB keeps it on disk). The test is built around that:
//   A. 20 staff actions (and 3 of them again) while MongoDB is up: all 20 are counted on that server,
//      each exactly once, before it is killed.
//   B. MongoDB killed; 20 more (and 3 of them again) are published. The consumer receives them and
//      cannot store them: the handler throws, the bus retries, and Kafka's position does not move.
//   C. MongoDB started again, empty; 20 more (and 3 of them again). Every one of B and C must then be on
//      the new server exactly once: B's prove that nothing received during the outage was lost.
// A's events are not expected on the new server — their positions were committed before the kill — but
// one handled a moment before its position was committed would be delivered again and stored there
// (once): the test allows an A event at most once on the new server and nothing it did not publish.
// "Exactly once" is what the store's unique _id (the event's id) guarantees; what the test proves is
// that duplicates are answered as already stored rather than failing or being retried forever, and that
// every event meets a server that keeps it.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TEST_PRINCIPALS } from "@emporium/auth/testing";
import type { Envelope, StaffAction } from "@emporium/contracts";
import { KafkaEventBus } from "@emporium/messaging";
import { createServiceMetrics } from "@emporium/observability";
import { refusal, requestAs } from "@emporium/service-kit/testing";
import { realServer, waitFor } from "@emporium/testkit";
import { dedicatedMongo, type DedicatedMongo } from "@emporium/testkit/processes";
import { MongoAuditLog } from "../src/adapters/mongo/mongo-audit-log";
import { appRouter } from "../src/api/router/_app";
import { createCallerFactory } from "../src/api/trpc";
import type { AuditEntry } from "../src/domain/entry";
import type { ActivityFilter, ActivityPageRequest } from "../src/domain/query";
import type { AuditLog } from "../src/ports/audit-log";
import { createAuditService, type AuditService } from "../src/service";
import { log, staffAction } from "./fixture";

const kafka = realServer("TEST_KAFKA_BROKERS", "audit log through a MongoDB outage");
const mongoServer = realServer("TEST_MONGO_SERVER_CLASSPATH", "audit log through a MongoDB outage");

/** The audit log, counting what each append came to: stored, already stored, or failed (server down). */
class CountingAuditLog implements AuditLog {
  readonly counts = { stored: 0, duplicate: 0, failed: 0 };
  constructor(private readonly inner: AuditLog) {}
  get description() {
    return this.inner.description;
  }
  async append(entry: AuditEntry) {
    try {
      const outcome = await this.inner.append(entry);
      this.counts[outcome] += 1;
      return outcome;
    } catch (err) {
      this.counts.failed += 1;
      throw err;
    }
  }
  list(filter: ActivityFilter, page: ActivityPageRequest) {
    return this.inner.list(filter, page);
  }
  actions() {
    return this.inner.actions();
  }
  ping() {
    return this.inner.ping();
  }
  close() {
    return this.inner.close();
  }
}

describe.runIf(kafka.available && mongoServer.available)("the audit log through a MongoDB outage", () => {
  const run = randomUUID().slice(0, 8);
  const topic = `audit-outage-${run}`;
  const brokers = (kafka.url ?? "").split(",");
  // Five targets, so the events spread over the topic's partitions (keyed by target).
  const targets = [0, 1, 2, 3, 4].map((i) => ({ type: "product", id: `p-${run}-${i}` }));
  let mongo: DedicatedMongo;
  let auditLog: CountingAuditLog;
  let consumerBus: KafkaEventBus;
  let publisher: KafkaEventBus;
  let service: AuditService;
  const owner = () =>
    createCallerFactory(appRouter)({ ...service.base, ...requestAs(TEST_PRINCIPALS.owner!) }).activity;

  const batch = (phase: string, n: number) =>
    Array.from({ length: n }, (_, i) =>
      staffAction({ actor: { email: `${phase}-${run}@shop.test` }, target: targets[i % targets.length]! }),
    );
  const publish = (envelopes: readonly Envelope<StaffAction>[]) =>
    publisher.publish(envelopes.map((envelope) => ({ topic, envelope })));

  /** Every entry the current server holds, paged through the API: ids in listing order, repeats kept. */
  async function storedIds(): Promise<string[]> {
    const ids: string[] = [];
    let page = await owner().list({ limit: 100 });
    ids.push(...page.items.map((e) => e.id));
    while (page.nextCursor) {
      page = await owner().list({ limit: 100, cursor: page.nextCursor });
      ids.push(...page.items.map((e) => e.id));
    }
    return ids;
  }

  const countOf = (ids: readonly string[], id: string) => ids.filter((x) => x === id).length;

  beforeAll(async () => {
    mongo = await dedicatedMongo(mongoServer.url ?? "");
    // A 1 s server-selection timeout, so each attempt during the outage fails fast and is retried.
    auditLog = new CountingAuditLog(
      new MongoAuditLog({ url: mongo.url, dbName: "audit_outage", log, serverSelectionTimeoutMs: 1_000 }),
    );
    consumerBus = new KafkaEventBus({
      brokers,
      clientId: `audit-outage-${run}`,
      log,
      // Short, many retries (about two minutes in all) instead of PERSISTENT_RETRY's two hours; positions
      // are committed after every batch, so little of phase A can come again.
      retry: { delaysMs: Array.from({ length: 100 }, () => 250) },
      commitIntervalMs: 0,
    });
    publisher = new KafkaEventBus({ brokers, clientId: `audit-outage-publisher-${run}`, log });
    service = createAuditService({
      auditLog,
      events: consumerBus,
      log,
      metrics: createServiceMetrics("audit-outage"),
      tokenKey: new Uint8Array(32),
      consumer: { group: `audit-outage-${run}`, topic },
    });
    await service.start();
  });

  afterAll(async () => {
    await service?.stop();
    await consumerBus?.close();
    await publisher?.close();
    await auditLog?.close();
    await mongo?.stop();
  });

  const a = batch("a", 20);
  const b = batch("b", 20);
  const c = batch("c", 20);

  it("A: stores every staff action once while MongoDB is up", async () => {
    await publish(a);
    await publish(a.slice(0, 3));
    await waitFor(async () => (await storedIds()).length >= 20, {
      timeoutMs: 60_000,
      what: "phase A stored",
    });
    // Its duplicates come after it on their partitions: wait until they were answered as duplicates.
    await waitFor(() => auditLog.counts.duplicate >= 3, { timeoutMs: 30_000, what: "phase A's duplicates" });
    const ids = await storedIds();
    expect([...ids].sort()).toEqual(a.map((e) => e.id).sort());
    expect(auditLog.counts).toMatchObject({ stored: 20, failed: 0 });
  });

  it("B: keeps what arrives while MongoDB is down on Kafka, answering readers 503", async () => {
    await mongo.stop();
    await publish(b);
    await publish(b.slice(0, 3));
    // The consumer received them and could not store them: each partition's first is being retried.
    await waitFor(() => auditLog.counts.failed >= 3, { timeoutMs: 30_000, what: "appends to fail" });
    const err = await refusal(owner().list({}), "SERVICE_UNAVAILABLE");
    expect(err.message).toMatch(/^The activity log is unavailable right now/);
    expect(auditLog.counts.stored).toBe(20);
  });

  it("C: after MongoDB returns (empty), stores every event of B and C exactly once, losing none", async () => {
    await mongo.start();
    await publish(c);
    await publish(c.slice(0, 3));
    const wanted = [...b, ...c].map((e) => e.id);
    await waitFor(
      async () => {
        const ids = await storedIds();
        return wanted.every((id) => ids.includes(id));
      },
      { timeoutMs: 120_000, intervalMs: 250, what: "every event of B and C on the restarted server" },
    );
    // The six duplicates of B and C were answered as such (beside A's three), not stored again.
    await waitFor(() => auditLog.counts.duplicate >= 9, {
      timeoutMs: 30_000,
      what: "B's and C's duplicates",
    });

    const ids = await storedIds();
    for (const id of wanted) expect(countOf(ids, id), id).toBe(1);
    for (const e of a) expect(countOf(ids, e.id), e.id).toBeLessThanOrEqual(1);
    const published = new Set([...a, ...b, ...c].map((e) => e.id));
    expect(ids.filter((id) => !published.has(id))).toEqual([]);
    expect(new Set(ids).size).toBe(ids.length);
    expect(auditLog.counts.failed).toBeGreaterThanOrEqual(3);
  });
});
