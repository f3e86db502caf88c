// The EventBus contract, run against every adapter: the in-process log always, Kafka when
// TEST_KAFKA_BROKERS names a broker.
import { afterAll, describe, expect, it } from "vitest";
import { readMessage } from "@emporium/contracts";
import { realServer, waitFor } from "@emporium/testkit";
import { InProcessEventBus, KafkaEventBus, PermanentMessageError, type EventBus } from "../src";
import { collectPings, FAST_RETRY, log, ping, pingV1, unique } from "./helpers";

const kafka = realServer("TEST_KAFKA_BROKERS", "EventBus contract on Kafka");

const adapters: { name: string; available: boolean; make: () => EventBus }[] = [
  { name: "in-process", available: true, make: () => new InProcessEventBus(log, FAST_RETRY) },
  {
    name: "kafka",
    available: kafka.available,
    make: () =>
      new KafkaEventBus({
        brokers: (kafka.url ?? "").split(","),
        clientId: unique("contract"),
        log,
        retry: FAST_RETRY,
      }),
  },
];

describe.each(adapters)("EventBus contract: $name", ({ available, make }) => {
  const buses: EventBus[] = [];
  const bus = () => {
    const b = make();
    buses.push(b);
    return b;
  };
  afterAll(async () => {
    for (const b of buses) await b.close();
  });

  it.runIf(available)("delivers every event to every group, keeping each key's order", async () => {
    const b = bus();
    const topic = unique("contract-order");
    const events = [];
    for (let n = 0; n < 20; n++)
      for (const key of ["a", "b", "c"]) events.push({ topic, envelope: ping(key, n) });
    await b.publish(events);
    const seen = new Map<string, Map<string, number[]>>();
    const subs = await Promise.all(
      ["g1", "g2"].map((group) =>
        b.subscribe({
          group: unique(group),
          topics: [topic],
          fromBeginning: true,
          handle: async (envelope) => {
            const { data } = readMessage(envelope, pingV1);
            const byKey = seen.get(group) ?? new Map<string, number[]>();
            seen.set(group, byKey);
            byKey.set(data.key, [...(byKey.get(data.key) ?? []), data.n]);
          },
        }),
      ),
    );
    await waitFor(() => ["g1", "g2"].every((g) => [...(seen.get(g)?.values() ?? [])].flat().length === 60), {
      timeoutMs: 30_000,
      what: "both groups to see 60 events",
    });
    for (const g of ["g1", "g2"])
      for (const key of ["a", "b", "c"]) expect(seen.get(g)?.get(key)).toEqual([...Array(20).keys()]);
    for (const s of subs) await s.stop();
  });

  it.runIf(available)(
    "redelivers an event whose handler failed, without skipping or reordering",
    async () => {
      const b = bus();
      const topic = unique("contract-retry");
      const attempts: number[] = [];
      const handled: number[] = [];
      const sub = await b.subscribe({
        group: unique("g"),
        topics: [topic],
        fromBeginning: true,
        handle: async (envelope, info) => {
          const { data } = readMessage(envelope, pingV1);
          if (data.n === 0) {
            attempts.push(info.attempt);
            if (info.attempt < 3) throw new Error("database briefly unavailable");
          }
          handled.push(data.n);
        },
      });
      await b.publish([0, 1, 2].map((n) => ({ topic, envelope: ping("same-key", n) })));
      await waitFor(() => handled.length === 3, { timeoutMs: 30_000, what: "three events handled" });
      expect(attempts).toEqual([1, 2, 3]);
      expect(handled).toEqual([0, 1, 2]);
      await sub.stop();
    },
  );

  it.runIf(available)("dead-letters unreadable and permanently failing events and carries on", async () => {
    const b = bus();
    const topic = unique("contract-dlq");
    const handled: number[] = [];
    const sub = await b.subscribe({
      group: unique("g"),
      topics: [topic],
      fromBeginning: true,
      handle: async (envelope) => {
        const { data } = readMessage(envelope, pingV1);
        if (data.n === 2) throw new PermanentMessageError("order 2 can never be shipped");
        handled.push(data.n);
      },
    });
    await b.publishRaw(topic, "k", Buffer.from("{this is not json"));
    await b.publish([{ topic, envelope: ping("k", 1) }]);
    await b.publishRaw(topic, "k", Buffer.from(JSON.stringify({ ...ping("k", 9), data: { n: "nine" } })));
    await b.publish([2, 3].map((n) => ({ topic, envelope: ping("k", n) })));
    await waitFor(() => handled.length === 2, { timeoutMs: 30_000, what: "the good events" });
    expect(handled).toEqual([1, 3]);
    const dead = await waitFor(
      async () => {
        const letters = await b.deadLetters(topic);
        return letters.length === 3 ? letters : null;
      },
      { timeoutMs: 30_000, what: "three dead letters" },
    );
    expect(dead.map((d) => d.reason).join("\n")).toMatch(/not JSON/);
    expect(dead.map((d) => d.reason).join("\n")).toMatch(/data\.n|n:/);
    expect(dead.map((d) => d.reason).join("\n")).toMatch(/can never be shipped/);
    expect((await b.deadLetterBacklog()).find((d) => d.topic === topic)).toEqual({ topic, messages: 3 });
    await sub.stop();
  });

  it.runIf(available)("tells each group's lag: events published but not yet handled", async () => {
    const b = bus();
    const topic = unique("contract-lag");
    const group = unique("lagging");
    const total = async () =>
      (await b.consumerLag())
        .filter((l) => l.group === group && l.topic === topic)
        .reduce((sum, l) => sum + l.lag, 0);
    await b.publish([1, 2, 3, 4, 5].map((n) => ({ topic, envelope: ping(`k${n}`, n) })));
    let open: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => (open = resolve));
    const handled: number[] = [];
    const sub = await b.subscribe({
      group,
      topics: [topic],
      fromBeginning: true,
      handle: async (envelope) => {
        await gate;
        handled.push(readMessage(envelope, pingV1).data.n);
      },
    });
    expect(await total()).toBe(5);
    open();
    await waitFor(() => handled.length === 5, { timeoutMs: 30_000, what: "five events handled" });
    await waitFor(async () => (await total()) === 0, { timeoutMs: 15_000, what: "the lag back to 0" });
    await sub.stop();
  });

  it.runIf(available)("resumes a group where it left off", async () => {
    const b = bus();
    const topic = unique("contract-resume");
    const group = unique("g");
    const { got: first, sub: sub1 } = await collectPings(b, topic, group);
    await b.publish([0, 1, 2].map((n) => ({ topic, envelope: ping("k", n) })));
    await waitFor(() => first.length === 3, { timeoutMs: 30_000, what: "first three" });
    await sub1.stop();
    await b.publish([3, 4].map((n) => ({ topic, envelope: ping("k", n) })));
    const { got: second, sub: sub2 } = await collectPings(b, topic, group);
    await waitFor(() => second.length >= 2, { timeoutMs: 30_000, what: "the two new events" });
    expect(second).toEqual([3, 4]);
    await sub2.stop();
  });
});
