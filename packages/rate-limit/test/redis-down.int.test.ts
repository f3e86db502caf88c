// What happens to rate limits when Redis dies: a Redis server of this test's own (never the shared
// one) is killed while two limiters — two "processes" — use it. They must keep refusing after `points`
// attempts (each on its own count), answer fast, warn once, and share counts again once it is back.
// Runs where the real-server suites run (TEST_REDIS_URL set); it needs only the redis-server binary.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { realServer, waitFor } from "@emporium/testkit";
import { dedicatedRedis, type DedicatedServer } from "@emporium/testkit/processes";
import { RedisRateLimiter } from "../src";
import { log, unique } from "./helpers";

const guard = realServer("TEST_REDIS_URL", "Rate limits while Redis is down");

/** Consumes `key` once, failing the test if the answer takes longer than a second. */
async function timed(limiter: RedisRateLimiter, key: string) {
  const started = performance.now();
  const decision = await limiter.consume(key);
  expect(performance.now() - started).toBeLessThan(1_000);
  return decision.allowed;
}

describe.runIf(guard.available)("RedisRateLimiter while Redis is down", () => {
  let server: DedicatedServer;
  const limiters: RedisRateLimiter[] = [];
  const keyPrefix = unique("outage");
  const limiter = () => {
    const l = new RedisRateLimiter({
      points: 3,
      durationSeconds: 60,
      keyPrefix,
      redisUrl: `redis://127.0.0.1:${server.port}`,
      log,
    });
    limiters.push(l);
    return l;
  };

  beforeAll(async () => {
    server = await dedicatedRedis();
  });
  afterAll(async () => {
    for (const l of limiters) await l.close();
    await server.stop();
  });

  it("falls back to per-process limits at once, then shares counts again when Redis returns", async () => {
    const warn = vi.spyOn(log, "warn");
    const [a, b] = [limiter(), limiter()];
    await waitFor(() => a.shared && b.shared, { what: "both limiters connected" });
    // (They may have warned once already if they tried before the new server was listening.)
    warn.mockClear();

    // Shared: attempts through either process count against the same key.
    expect(
      [await a.consume("k1"), await b.consume("k1"), await a.consume("k1")].map((d) => d.allowed),
    ).toEqual([true, true, true]);
    expect((await b.consume("k1")).allowed).toBe(false);
    expect(warn).not.toHaveBeenCalled();

    await server.stop();
    // Still limited (in this process), and no attempt waits on the dead server.
    const during = [];
    for (let n = 0; n < 5; n++) during.push(await timed(a, "k2"));
    expect(during).toEqual([true, true, true, false, false]);
    await waitFor(() => !a.shared, { what: "the limiter to see Redis gone" });
    // Each process counts on its own meanwhile.
    expect(await timed(b, "k2")).toBe(true);
    // Let the reconnection attempts fail a few times: still one warning per limiter, not one per failure.
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    expect(warn).toHaveBeenCalledTimes(2);

    await server.start();
    await waitFor(() => a.shared && b.shared, { timeoutMs: 15_000, what: "both limiters reconnected" });
    expect(
      [await a.consume("k3"), await b.consume("k3"), await a.consume("k3")].map((d) => d.allowed),
    ).toEqual([true, true, true]);
    expect((await b.consume("k3")).allowed).toBe(false);
    expect(warn).toHaveBeenCalledTimes(2);
  });

  it("does not take its own shutdown for an outage", async () => {
    const warn = vi.spyOn(log, "warn");
    const l = limiter();
    await waitFor(() => l.shared, { what: "the limiter connected" });
    warn.mockClear();
    await l.close();
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(warn).not.toHaveBeenCalled();
  });
});
