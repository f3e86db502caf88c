// The CommandBus contract, run against every adapter: the in-process queue always, RabbitMQ when
// TEST_AMQP_URL names a broker.
import { afterAll, describe, expect, it } from "vitest";
import { readMessage } from "@emporium/contracts";
import { realServer, waitFor } from "@emporium/testkit";
import {
  InProcessCommandBus,
  PermanentMessageError,
  RabbitCommandBus,
  type CommandBus,
  type RetryPolicy,
} from "../src";
import { FAST_RETRY, log, ping, pingV1, rabbitQueues } from "./helpers";

const rabbit = realServer("TEST_AMQP_URL", "CommandBus contract on RabbitMQ");
const queues = rabbitQueues(rabbit.url, "contract");

type RetryByQueue = Readonly<Record<string, RetryPolicy>>;

const adapters: {
  name: string;
  available: boolean;
  durable: boolean;
  make: (retryByQueue?: RetryByQueue) => Promise<CommandBus>;
}[] = [
  {
    name: "in-process",
    available: true,
    durable: false,
    make: async (retryByQueue) => new InProcessCommandBus(log, FAST_RETRY, retryByQueue),
  },
  {
    name: "rabbitmq",
    available: rabbit.available,
    durable: true,
    make: (retryByQueue) =>
      RabbitCommandBus.connect({
        url: rabbit.url ?? "",
        log,
        retry: FAST_RETRY,
        deliveryLimit: 5,
        ...(retryByQueue ? { retryByQueue } : {}),
      }),
  },
];

afterAll(() => queues.deleteAll());

const queueName = (prefix: string): string => queues.name(prefix);

describe.each(adapters)("CommandBus contract: $name", ({ available, durable, make }) => {
  const buses: CommandBus[] = [];
  const bus = async (retryByQueue?: RetryByQueue) => {
    const b = await make(retryByQueue);
    buses.push(b);
    return b;
  };
  afterAll(async () => {
    for (const b of buses) await b.close();
  });

  it.runIf(available)("hands each command to exactly one of several consumers", async () => {
    const b = await bus();
    const queue = queueName("work");
    const handledBy = new Map<number, string>();
    const subs = await Promise.all(
      ["w1", "w2"].map((worker) =>
        b.consume({
          queue,
          concurrency: 3,
          handle: async (e) => {
            const { n } = readMessage(e, pingV1).data;
            if (handledBy.has(n)) throw new Error(`command ${n} delivered twice`);
            handledBy.set(n, worker);
          },
        }),
      ),
    );
    for (let n = 0; n < 40; n++) await b.send(queue, ping(`k${n}`, n));
    await waitFor(() => handledBy.size === 40, { timeoutMs: 30_000, what: "40 commands" });
    expect(new Set(handledBy.values()).size).toBe(2);
    for (const s of subs) await s.stop();
  });

  it.runIf(available)("retries a failing command after growing delays until it succeeds", async () => {
    const b = await bus();
    const queue = queueName("retry");
    const seen: { attempt: number; at: number }[] = [];
    const sub = await b.consume({
      queue,
      handle: async (_e, info) => {
        seen.push({ attempt: info.attempt, at: Date.now() });
        if (info.attempt < 3) throw new Error("payment provider timed out");
      },
    });
    await b.send(queue, ping("k", 1));
    await waitFor(() => seen.length === 3, { timeoutMs: 30_000, what: "three attempts" });
    expect(seen.map((s) => s.attempt)).toEqual([1, 2, 3]);
    const gaps = [(seen[1]?.at ?? 0) - (seen[0]?.at ?? 0), (seen[2]?.at ?? 0) - (seen[1]?.at ?? 0)];
    expect(gaps[0]).toBeGreaterThanOrEqual(40);
    expect(gaps[1]).toBeGreaterThanOrEqual(120);
    expect(await b.deadLetters(queue)).toEqual([]);
    await sub.stop();
  });

  it.runIf(available)(
    "dead-letters after the last retry, and at once for unreadable or permanent failures",
    async () => {
      const b = await bus();
      const queue = queueName("dlq");
      const handled: number[] = [];
      const sub = await b.consume({
        queue,
        handle: async (e, info) => {
          const { n } = readMessage(e, pingV1).data;
          if (n === 1) throw new Error(`always broken (attempt ${info.attempt})`);
          if (n === 2) throw new PermanentMessageError("unknown variant");
          handled.push(n);
        },
      });
      await b.sendRaw(queue, Buffer.from("\u0000garbage"));
      await b.send(queue, ping("k", 1));
      await b.send(queue, ping("k", 2));
      await b.send(queue, ping("k", 3));
      const dead = await waitFor(
        async () => {
          const letters = await b.deadLetters(queue);
          return letters.length === 3 ? letters : null;
        },
        { timeoutMs: 30_000, what: "three dead letters" },
      );
      const reasons = dead.map((d) => d.reason).join("\n");
      expect(reasons).toMatch(/not JSON/);
      expect(reasons).toMatch(/gave up after 3 attempts: Error: always broken \(attempt 3\)/);
      expect(reasons).toMatch(/unknown variant/);
      expect(handled).toEqual([3]);
      // Looking at the dead letters does not take them away.
      expect(await b.deadLetters(queue)).toHaveLength(3);
      await sub.stop();
    },
  );

  it.runIf(available)("retries a queue that has its own schedule by that schedule", async () => {
    const [own, other] = [queueName("own-retry"), queueName("default-retry")];
    // One retry instead of FAST_RETRY's two: dead-lettered after the second attempt.
    const b = await bus({ [own]: { delaysMs: [FAST_RETRY.delaysMs[0] ?? 50] } });
    const attempts = new Map<string, number[]>();
    const subs = await Promise.all(
      [own, other].map((queue) =>
        b.consume({
          queue,
          handle: async (_e, info) => {
            attempts.set(queue, [...(attempts.get(queue) ?? []), info.attempt]);
            throw new Error(`still down (attempt ${info.attempt})`);
          },
        }),
      ),
    );
    for (const queue of [own, other]) await b.send(queue, ping("k", 1));
    const [ownDead, otherDead] = await waitFor(
      async () => {
        const letters = await Promise.all([own, other].map((q) => b.deadLetters(q)));
        return letters.every((l) => l.length === 1) ? letters : null;
      },
      { timeoutMs: 30_000, what: "a dead letter in each queue" },
    );
    expect(ownDead?.[0]?.reason).toMatch(/^gave up after 2 attempts: Error: still down \(attempt 2\)/);
    expect(otherDead?.[0]?.reason).toMatch(/^gave up after 3 attempts: Error: still down \(attempt 3\)/);
    expect(attempts.get(own)).toEqual([1, 2]);
    expect(attempts.get(other)).toEqual([1, 2, 3]);
    for (const s of subs) await s.stop();
  });

  it.runIf(available)(
    "lists dead letters named and redacted; replays and discards exactly one, once",
    async () => {
      const b = await bus();
      const queue = queueName("ops");
      let fixed = false;
      const handled: number[] = [];
      const sub = await b.consume({
        queue,
        handle: async (e) => {
          const { n } = readMessage(e, pingV1).data;
          if (!fixed) throw new PermanentMessageError(`no handler for ${n} yet`);
          handled.push(n);
        },
      });
      const card = ping("card 4242 4242 4242 4242", 1);
      await b.send(queue, card);
      await b.sendRaw(queue, Buffer.from("\u0000garbage password=hunter2"));
      const dead = await waitFor(
        async () => {
          const letters = await b.deadLetters(queue);
          return letters.length === 2 ? letters : null;
        },
        { timeoutMs: 30_000, what: "two dead letters" },
      );
      const named = dead.find((d) => d.messageId === card.id);
      const garbage = dead.find((d) => d.messageId !== card.id);
      expect(named).toMatchObject({ type: "test.ping.v1", attempts: 1, source: queue });
      expect(named?.reason).toMatch(/no handler for 1 yet/);
      expect(Date.parse(named?.deadAt ?? "")).not.toBeNaN();
      expect(JSON.stringify(named?.payload)).toContain("[card redacted]");
      expect(JSON.stringify(named?.payload)).not.toContain("4242 4242");
      expect(garbage?.type).toBeNull();
      expect(garbage?.reason).toMatch(/not JSON/);
      expect(garbage?.payload).toEqual(expect.stringContaining("password=[redacted]"));
      const garbageId = garbage?.messageId ?? "";
      expect(garbageId).not.toBe("");

      // Nothing is settled for an id the dead letters do not hold.
      expect(await b.replay(queue, "00000000-0000-4000-8000-000000000000")).toBe(false);
      expect(await b.discard(queue, "00000000-0000-4000-8000-000000000000")).toBe(false);
      expect(await b.deadLetters(queue)).toHaveLength(2);

      // Replayed once: handled as a first attempt now that its handler exists; a second replay is a no-op.
      fixed = true;
      expect(await b.replay(queue, card.id)).toBe(true);
      await waitFor(() => handled.length === 1, { timeoutMs: 30_000, what: "the replayed command handled" });
      expect(handled).toEqual([1]);
      expect(await b.replay(queue, card.id)).toBe(false);
      expect((await b.deadLetters(queue)).map((d) => d.messageId)).toEqual([garbageId]);

      // Discarded once: gone for good; neither a second discard nor a replay finds it.
      expect(await b.discard(queue, garbageId)).toBe(true);
      expect(await b.discard(queue, garbageId)).toBe(false);
      expect(await b.replay(queue, garbageId)).toBe(false);
      expect(await b.deadLetters(queue)).toEqual([]);
      expect(await b.depth(queue)).toEqual({ ready: 0, retrying: 0, dead: 0 });
      expect(handled).toEqual([1]);
      await sub.stop();
    },
  );

  it.runIf(available)("tells how many commands are ready, retrying and dead-lettered", async () => {
    const b = await bus();
    const queue = queueName("depth");
    expect(await b.depth(queue)).toEqual({ ready: 0, retrying: 0, dead: 0 });
    for (let n = 1; n <= 3; n++) await b.send(queue, ping("k", n));
    await waitFor(async () => (await b.depth(queue)).ready === 3, { what: "three ready commands" });
    // One fails for good, one keeps failing (its retry delays are in flight), one succeeds.
    const sub = await b.consume({
      queue,
      handle: async (e) => {
        const { n } = readMessage(e, pingV1).data;
        if (n === 1) throw new PermanentMessageError("unknown variant");
        if (n === 2) throw new Error("provider down");
      },
    });
    await waitFor(
      async () => {
        const d = await b.depth(queue);
        return d.ready === 0 && d.dead === 1 && d.retrying <= 1;
      },
      { timeoutMs: 30_000, what: "one dead letter and nothing ready" },
    );
    await waitFor(async () => (await b.depth(queue)).dead === 2, {
      timeoutMs: 30_000,
      what: "the failing command dead-lettered after its retries",
    });
    expect(await b.depth(queue)).toEqual({ ready: 0, retrying: 0, dead: 2 });
    await sub.stop();
  });

  it.runIf(available && durable)(
    "redelivers a command whose consumer died before acknowledging it",
    async () => {
      const queue = queueName("crash");
      const first = await make();
      let release: () => void = () => undefined;
      let started = false;
      await first.consume({
        queue,
        handle: async () => {
          started = true;
          await new Promise<void>((resolve) => (release = resolve));
          throw new Error("the process died");
        },
      });
      await first.send(queue, ping("k", 7));
      await waitFor(() => started, { what: "the first consumer to take the command" });
      // Drop the connection with the command unacknowledged, as a crash would.
      const closing = first.close();
      release();
      await closing;
      const second = await bus();
      const got: number[] = [];
      await second.consume({ queue, handle: async (e) => void got.push(readMessage(e, pingV1).data.n) });
      await waitFor(() => got.length === 1, { timeoutMs: 30_000, what: "redelivery" });
      expect(got).toEqual([7]);
    },
  );
});
