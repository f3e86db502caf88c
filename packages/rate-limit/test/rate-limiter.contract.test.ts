// The RateLimiter contract, run against every adapter: the in-memory one always, Redis when
// TEST_REDIS_URL names a server (each run under its own key prefix, so runs never share counts).
import { afterAll, describe, expect, it } from "vitest";
import { realServer, waitFor } from "@emporium/testkit";
import { MemoryRateLimiter, RedisRateLimiter, type RateLimit, type RateLimiter } from "../src";
import { log, unique } from "./helpers";

const redis = realServer("TEST_REDIS_URL", "RateLimiter contract on Redis");

const adapters: { name: string; available: boolean; make: (limit: RateLimit) => Promise<RateLimiter> }[] = [
  { name: "memory", available: true, make: async (limit) => new MemoryRateLimiter(limit) },
  {
    name: "redis",
    available: redis.available,
    make: async (limit) => {
      const l = new RedisRateLimiter({ ...limit, redisUrl: redis.url ?? "", log });
      // Until connected it counts in memory (the fallback); the contract is checked on Redis itself.
      await waitFor(() => l.shared, { what: "the limiter's Redis connection" });
      return l;
    },
  },
];

describe.each(adapters)("RateLimiter contract: $name", ({ available, make }) => {
  const limiters: RateLimiter[] = [];
  const limiter = async (points = 3, durationSeconds = 60) => {
    const l = await make({ points, durationSeconds, keyPrefix: unique("contract") });
    limiters.push(l);
    return l;
  };
  afterAll(async () => {
    for (const l of limiters) await l.close();
  });

  it.runIf(available)("allows `points` attempts, then refuses until the window ends", async () => {
    const l = await limiter(3, 60);
    expect(await l.consume("a")).toEqual({ allowed: true, remaining: 2 });
    expect(await l.consume("a")).toEqual({ allowed: true, remaining: 1 });
    expect(await l.consume("a")).toEqual({ allowed: true, remaining: 0 });
    for (let n = 0; n < 2; n++) {
      const refused = await l.consume("a");
      if (refused.allowed) return expect.fail("the 4th attempt was allowed");
      expect(refused.retryAfterSeconds).toBeGreaterThanOrEqual(1);
      expect(refused.retryAfterSeconds).toBeLessThanOrEqual(60);
    }
  });

  it.runIf(available)("counts each key on its own", async () => {
    const l = await limiter(2);
    await l.consume("a");
    await l.consume("a");
    expect((await l.consume("a")).allowed).toBe(false);
    expect(await l.consume("b")).toEqual({ allowed: true, remaining: 1 });
  });

  it.runIf(available)("keeps limiters with different prefixes apart", async () => {
    const [one, two] = [await limiter(1), await limiter(1)];
    expect((await one.consume("a")).allowed).toBe(true);
    expect((await one.consume("a")).allowed).toBe(false);
    expect((await two.consume("a")).allowed).toBe(true);
  });

  it.runIf(available)("forgets a key's attempts on reset", async () => {
    const l = await limiter(1);
    await l.consume("a");
    expect((await l.consume("a")).allowed).toBe(false);
    await l.reset("a");
    expect(await l.consume("a")).toEqual({ allowed: true, remaining: 0 });
    await l.reset("never-seen");
  });

  it.runIf(available)("starts a new window once the old one ends", async () => {
    const l = await limiter(1, 1);
    await l.consume("a");
    expect(await l.consume("a")).toMatchObject({ allowed: false, retryAfterSeconds: 1 });
    await new Promise((resolve) => setTimeout(resolve, 1_100));
    expect((await l.consume("a")).allowed).toBe(true);
  });
});
