// Choosing the adapter from configuration, and how a refusal's wait is rounded: no server needed.
import { RateLimiterRes } from "rate-limiter-flexible";
import { describe, expect, it } from "vitest";
import { createRateLimiter, MemoryRateLimiter, RedisRateLimiter } from "../src";
import { decide } from "../src/outcome";
import { log } from "./helpers";

const limit = { points: 2, durationSeconds: 60, keyPrefix: "unit", log };

describe("createRateLimiter", () => {
  it("counts in memory with no Redis URL, and in Redis with one", async () => {
    const memory = createRateLimiter(limit);
    expect(memory).toBeInstanceOf(MemoryRateLimiter);
    const redis = createRateLimiter({ ...limit, redisUrl: "redis://127.0.0.1:1" });
    expect(redis).toBeInstanceOf(RedisRateLimiter);
    await redis.close();
  });

  it("still limits when the Redis it was given cannot be reached", async () => {
    const redis = createRateLimiter({ ...limit, redisUrl: "redis://127.0.0.1:1" });
    try {
      const decisions = [];
      for (let n = 0; n < 3; n++) decisions.push((await redis.consume("k")).allowed);
      expect(decisions).toEqual([true, true, false]);
    } finally {
      await redis.close();
    }
  });
});

describe("decide", () => {
  it("rounds the wait up to whole seconds, never to 0", async () => {
    const refusedIn = (ms: number) => decide(() => Promise.reject(new RateLimiterRes(0, ms, 3, false)));
    expect(await refusedIn(1)).toEqual({ allowed: false, retryAfterSeconds: 1 });
    expect(await refusedIn(0)).toEqual({ allowed: false, retryAfterSeconds: 1 });
    expect(await refusedIn(61_001)).toEqual({ allowed: false, retryAfterSeconds: 62 });
  });

  it("lets a store error through instead of allowing the attempt", async () => {
    await expect(decide(() => Promise.reject(new Error("boom")))).rejects.toThrow("boom");
  });
});
