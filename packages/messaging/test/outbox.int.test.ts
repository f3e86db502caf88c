// The transactional outbox on PGlite and PostgreSQL: what a committed transaction wrote is published
// in order, promptly (NOTIFY, not polling), exactly once per successful relay pass, and never what a
// rolled-back transaction wrote. Consumers' processed-message records make redelivery harmless.
import { Registry } from "prom-client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readMessage } from "@emporium/contracts";
import { prismaSession } from "@emporium/db";
import { listeningBackends, testDatabaseTargets, type TestDatabase } from "@emporium/db/testing";
import { waitFor } from "@emporium/testkit";
import {
  claimMessage,
  enqueue,
  InProcessCommandBus,
  InProcessEventBus,
  OutboxRelay,
  outboxChannel,
  OUTBOX_SCHEMAS,
  type EventBus,
  type OutboxSchema,
} from "../src";
import { collectPings, FAST_RETRY, log, ping, pingV1 } from "./helpers";

/** An event bus that publishes through `publish` and hands everything else to `inner`. */
function withPublish(inner: EventBus, publish: EventBus["publish"]): EventBus {
  return {
    publish,
    publishRaw: (...a) => inner.publishRaw(...a),
    subscribe: (o) => inner.subscribe(o),
    deadLetters: (topic) => inner.deadLetters(topic),
    consumerLag: () => inner.consumerLag(),
    deadLetterBacklog: () => inner.deadLetterBacklog(),
    close: () => inner.close(),
  };
}

/**
 * Writes pings keyed `key` and numbered `numbers` as events on `topic`, into the outbox of the schema of
 * the same name, in one transaction.
 */
function enqueuePings(db: TestDatabase["db"], topic: OutboxSchema, key: string, numbers: readonly number[]) {
  return db.transaction((tx) =>
    enqueue(
      tx,
      topic,
      numbers.map((n) => ({ kind: "event" as const, topic, envelope: ping(key, n) })),
    ),
  );
}

describe.each(testDatabaseTargets("outbox relay"))("outbox on $name", (target) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await target.create();
  });
  afterAll(() => t?.dispose());

  it.each(OUTBOX_SCHEMAS)("has the %s outbox, whose inserts wake its relay", async (schema) => {
    const notified: string[] = [];
    const unlisten = await t.db.listen(outboxChannel(schema), () => notified.push(schema));
    try {
      const envelope = ping(`schema-${schema}`, 1);
      await t.db.transaction((tx) => enqueue(tx, schema, [{ kind: "event", topic: schema, envelope }]));
      await waitFor(() => notified.length > 0, { timeoutMs: 5_000, what: `a notification on ${schema}` });
      const [row] = await t.db.sql.query<{ aggregate_id: string }>(
        `DELETE FROM "${schema}"."outbox" WHERE id = $1 RETURNING aggregate_id`,
        [envelope.id],
      );
      expect(row?.aggregate_id).toBe(envelope.aggregateId);
    } finally {
      await unlisten();
    }
  });

  it("publishes committed events and commands in write order per channel, woken by NOTIFY", async () => {
    const events = new InProcessEventBus(log, FAST_RETRY);
    const commands = new InProcessCommandBus(log, FAST_RETRY);
    // A poll interval far longer than the test: only the notification can make this pass in time.
    const relay = new OutboxRelay({ db: t.db, schema: "orders", events, commands, log, pollMs: 600_000 });
    await relay.start();
    const seen: string[] = [];
    await events.subscribe({
      group: "g",
      topics: ["orders"],
      fromBeginning: true,
      handle: async (e) => void seen.push(`event ${readMessage(e, pingV1).data.n}`),
    });
    await commands.consume({
      queue: "inventory.reserve",
      handle: async (e) => void seen.push(`command ${readMessage(e, pingV1).data.n}`),
    });

    await t.db.prisma.$transaction(async (tx) => {
      await enqueue(prismaSession(tx), "orders", [
        { kind: "event", topic: "orders", envelope: ping("order-1", 1) },
        { kind: "command", queue: "inventory.reserve", envelope: ping("order-1", 2) },
        { kind: "event", topic: "orders", envelope: ping("order-1", 3) },
      ]);
    });
    await expect(
      t.db.prisma.$transaction(async (tx) => {
        await enqueue(prismaSession(tx), "orders", [
          { kind: "event", topic: "orders", envelope: ping("order-2", 99) },
        ]);
        throw new Error("the order could not be saved");
      }),
    ).rejects.toThrow(/could not be saved/);

    const started = Date.now();
    await waitFor(() => seen.length === 3, { timeoutMs: 5_000, what: "the three messages" });
    expect(Date.now() - started).toBeLessThan(5_000);
    // Order holds within each channel (events among themselves, commands among themselves); the two
    // channels are different brokers read by different consumers, so nothing orders one against the other.
    expect(seen.filter((s) => s.startsWith("event"))).toEqual(["event 1", "event 3"]);
    expect(seen.filter((s) => s.startsWith("command"))).toEqual(["command 2"]);
    // Delivered during publish; marked sent when the relay's transaction commits just after.
    await waitFor(async () => (await relay.backlog()) === 0, { what: "the rows to be marked sent" });
    await relay.stop();
    await events.close();
    await commands.close();
  });

  it("keeps what it could not publish and publishes it once the broker is back", async () => {
    const inner = new InProcessEventBus(log, FAST_RETRY);
    let brokerDown = true;
    const flaky = withPublish(inner, async (evs) => {
      if (brokerDown) throw new Error("broker unavailable");
      await inner.publish(evs);
    });
    const relay = new OutboxRelay({
      db: t.db,
      schema: "payments",
      events: flaky,
      commands: new InProcessCommandBus(log),
      log,
      pollMs: 100,
    });
    await relay.start();
    const { got } = await collectPings(inner, "payments");
    await t.db.prisma.$transaction((tx) =>
      enqueue(
        prismaSession(tx),
        "payments",
        [1, 2, 3].map((n) => ({ kind: "event" as const, topic: "payments", envelope: ping("p", n) })),
      ),
    );
    await waitFor(async () => (await relay.backlog()) === 3, { what: "the rows to wait in the outbox" });
    expect(got).toEqual([]);
    brokerDown = false;
    await waitFor(() => got.length === 3, { timeoutMs: 15_000, what: "publication after recovery" });
    expect(got).toEqual([1, 2, 3]);
    await relay.stop();
    await flaky.close();
  });

  it.runIf(target.name === "postgres")(
    "never marks sent a row whose transaction committed after the relay looked (seq order is not commit order)",
    async () => {
      const inner = new InProcessEventBus(log, FAST_RETRY);
      let commitA: () => void = () => undefined;
      let aDone: Promise<void> = Promise.resolve();
      // The relay publishes between reading the batch and marking it sent: A commits right there.
      const events = withPublish(inner, async (evs) => {
        commitA();
        await aDone;
        await inner.publish(evs);
      });
      const relay = new OutboxRelay({
        db: t.db,
        schema: "fulfillment",
        events,
        commands: new InProcessCommandBus(log),
        log,
      });
      const { got } = await collectPings(inner, "fulfillment");
      let inserted: () => void = () => undefined;
      const aInserted = new Promise<void>((resolve) => (inserted = resolve));
      // Transaction A takes the lower seq and stays open…
      aDone = t.db.prisma.$transaction(async (tx) => {
        await enqueue(prismaSession(tx), "fulfillment", [
          { kind: "event", topic: "fulfillment", envelope: ping("a", 1) },
        ]);
        inserted();
        await new Promise<void>((resolve) => (commitA = resolve));
      });
      await aInserted;
      // …while B takes a higher seq and commits first; the relay sees only B.
      await t.db.prisma.$transaction((tx) =>
        enqueue(prismaSession(tx), "fulfillment", [
          { kind: "event", topic: "fulfillment", envelope: ping("b", 2) },
        ]),
      );
      expect(await relay.drainOnce()).toBe(1);
      expect(await relay.drainOnce()).toBe(1);
      await waitFor(() => got.length === 2, { what: "both events" });
      expect(got.sort()).toEqual([1, 2]);
      expect(await relay.backlog()).toBe(0);
      await inner.close();
    },
  );

  it.runIf(target.name === "postgres")(
    "keeps publishing promptly after its LISTEN connection is killed, including what was written meanwhile",
    async () => {
      const events = new InProcessEventBus(log, FAST_RETRY);
      // As in the first test, only notifications can make this pass in time.
      const relay = new OutboxRelay({
        db: t.db,
        schema: "payments",
        events,
        commands: new InProcessCommandBus(log),
        log,
        pollMs: 600_000,
      });
      await relay.start();
      const { got } = await collectPings(events, "payments");
      const write = (n: number) =>
        t.db.transaction((tx) =>
          enqueue(tx, "payments", [{ kind: "event", topic: "payments", envelope: ping(`p-${n}`, n) }]),
        );
      const listeners = () => listeningBackends(t.db, outboxChannel("payments"));
      await write(1);
      await waitFor(() => got.length === 1, { what: "the first event" });
      const [before] = await listeners();
      expect(before).toBeDefined();
      // Kill the listening backend, then write while it is gone: that NOTIFY reaches no one.
      await t.db.sql.query("SELECT pg_terminate_backend($1)", [before]);
      await write(2);
      await waitFor(() => got.length === 2, { what: "the event written while deaf" });
      const after = await listeners();
      expect(after).not.toContain(before);
      expect(after).toHaveLength(1);
      await write(3);
      await waitFor(() => got.length === 3, { what: "an event after the reconnect" });
      expect(got).toEqual([1, 2, 3]);
      await relay.stop();
      await events.close();
    },
  );

  it("writes and claims the same way on a raw SQL session as in a Prisma transaction", async () => {
    const events = new InProcessEventBus(log, FAST_RETRY);
    const relay = new OutboxRelay({
      db: t.db,
      schema: "catalog",
      events,
      log,
      pollMs: 600_000,
    });
    await relay.start();
    const { got } = await collectPings(events, "catalog");
    // Many rows in one statement keep their order; a rolled-back raw transaction writes nothing.
    const numbers = Array.from({ length: 25 }, (_, i) => i + 1);
    await enqueuePings(t.db, "catalog", "c", numbers);
    await expect(
      t.db.transaction(async (tx) => {
        await enqueue(tx, "catalog", [{ kind: "event", topic: "catalog", envelope: ping("c", 99) }]);
        throw new Error("the effect failed");
      }),
    ).rejects.toThrow(/effect failed/);
    await waitFor(() => got.length === numbers.length, {
      timeoutMs: 5_000,
      what: "the raw session's rows",
    });
    expect(got).toEqual(numbers);

    const id = ping("raw", 1).id;
    expect(await t.db.transaction((tx) => claimMessage(tx, "catalog", id))).toBe(true);
    expect(await t.db.transaction((tx) => claimMessage(tx, "catalog", id))).toBe(false);
    const undone = ping("raw", 2).id;
    await expect(
      t.db.transaction(async (tx) => {
        await claimMessage(tx, "catalog", undone);
        throw new Error("effect failed");
      }),
    ).rejects.toThrow();
    expect(await t.db.transaction((tx) => claimMessage(tx, "catalog", undone))).toBe(true);
    await relay.stop();
    await events.close();
  });

  it("publishes each row once and in order when two relays of one service drain together", async () => {
    const events = new InProcessEventBus(log, FAST_RETRY);
    const relays = [1, 2].map(
      () => new OutboxRelay({ db: t.db, schema: "inventory", events, log, pollMs: 600_000, batchSize: 7 }),
    );
    const { got } = await collectPings(events, "inventory");
    // Many small batches, so the two meet at the lock many times.
    const numbers = Array.from({ length: 300 }, (_, i) => i + 1);
    await enqueuePings(t.db, "inventory", "i", numbers);
    // Both drain as fast as they can until nothing is left; the advisory lock lets one at a time in.
    await Promise.all(
      relays.map(async (relay) => {
        while ((await relay.backlog()) > 0) await relay.drainOnce();
      }),
    );
    expect(got).toEqual(numbers);
    await events.close();
  });

  // PostgreSQL only: the embedded PGlite is one session, where advisory locks are re-entrant.
  it.runIf(target.name === "postgres")(
    "lets one of two running relays lead, and the other take over when the leader stops",
    async () => {
      const events = new InProcessEventBus(log, FAST_RETRY);
      const { got } = await collectPings(events, "payments");
      const published = [0, 0];
      const relays = [0, 1].map(
        (i) =>
          new OutboxRelay({
            db: t.db,
            schema: "payments",
            events,
            log,
            pollMs: 100,
            onPublished: (count) => void (published[i] = (published[i] ?? 0) + count),
          }),
      );
      for (const r of relays) await r.start();
      const write = (from: number, count: number) =>
        enqueuePings(
          t.db,
          "payments",
          "p",
          Array.from({ length: count }, (_, i) => from + i),
        );
      await write(1, 20);
      await waitFor(() => got.length === 20, { what: "the first twenty" });
      const leader = (published[0] ?? 0) > 0 ? 0 : 1;
      expect(published[1 - leader]).toBe(0);
      await relays[leader]?.stop();
      await write(21, 20);
      await waitFor(() => got.length === 40, { timeoutMs: 10_000, what: "the standby to take over" });
      expect(got).toEqual(Array.from({ length: 40 }, (_, i) => i + 1));
      expect(published[1 - leader]).toBe(20);
      await relays[1 - leader]?.stop();
      await events.close();
    },
  );

  it("lets a consumer record a message id once, in its own transaction", async () => {
    const id = ping("k", 1).id;
    const first = await t.db.prisma.$transaction((tx) => claimMessage(prismaSession(tx), "inventory", id));
    const again = await t.db.prisma.$transaction((tx) => claimMessage(prismaSession(tx), "inventory", id));
    expect([first, again]).toEqual([true, false]);
    // A claim inside a transaction that fails is undone with it, so the message is processed later.
    const other = ping("k", 2).id;
    await expect(
      t.db.prisma.$transaction(async (tx) => {
        await claimMessage(prismaSession(tx), "inventory", other);
        throw new Error("effect failed");
      }),
    ).rejects.toThrow();
    expect(await t.db.prisma.$transaction((tx) => claimMessage(prismaSession(tx), "inventory", other))).toBe(
      true,
    );
  });

  it("measures its backlog, the oldest row's age and what it published on the process's registry", async () => {
    const registry = new Registry();
    const events = new InProcessEventBus(log, FAST_RETRY);
    const relay = new OutboxRelay({ db: t.db, schema: "identity", events, log, metrics: registry });
    const value = async (name: string) =>
      (await registry.getSingleMetric(name)?.get())?.values.find((v) => v.labels.outbox === "identity")
        ?.value;

    await enqueuePings(t.db, "identity", "m", [1, 2, 3]);
    await new Promise((resolve) => setTimeout(resolve, 1_100)); // the oldest row ages past a second
    expect(await value("outbox_waiting_messages")).toBe(3);
    expect(await value("outbox_oldest_waiting_age_seconds")).toBeGreaterThanOrEqual(1);

    expect(await relay.drainOnce()).toBe(3);
    await new Promise((resolve) => setTimeout(resolve, 1_100)); // past the reading shared by one scrape
    expect(await value("outbox_waiting_messages")).toBe(0);
    expect(await value("outbox_oldest_waiting_age_seconds")).toBe(0);
    expect(await value("outbox_published_total")).toBe(3);
    const text = await registry.metrics();
    expect(text).toContain('outbox_publish_lag_seconds_count{outbox="identity"} 3');
    await events.close();
  });
});
