import { describe, expect, it } from "vitest";
import { z } from "zod";
import { createLogger } from "@emporium/observability";
import { MemoryRateLimiter, RedisRateLimiter } from "@emporium/rate-limit";
import { TooManyRequestsError } from "./errors";
import {
  createLimiters,
  defaultServiceLimits,
  describeWait,
  limitEnv,
  limitOf,
  rateLimitEnvShape,
  spendAttempt,
} from "./limits";
import { testLimiter } from "./testing";

const log = createLogger({ service: "service-kit-test", level: "silent" });

describe("describeWait", () => {
  it("says seconds, minutes or hours, rounding up", () => {
    expect([0, 1, 45, 59, 60, 61, 840, 841, 3599, 3600, 3601].map((s) => `${s}: ${describeWait(s)}`)).toEqual(
      [
        "0: 1 second",
        "1: 1 second",
        "45: 45 seconds",
        "59: 59 seconds",
        "60: 1 minute",
        "61: 2 minutes",
        "840: 14 minutes",
        "841: 15 minutes",
        "3599: 60 minutes",
        "3600: 1 hour",
        "3601: 2 hours",
      ],
    );
  });
});

describe("spendAttempt", () => {
  it("lets `attempts` through, then refuses with what was limited and when to try again", async () => {
    const limiter = testLimiter(2, 600);
    await spendAttempt(limiter, "k", "Too many tries");
    await spendAttempt(limiter, "k", "Too many tries");
    const refused = await spendAttempt(limiter, "k", "Too many tries").catch((err: unknown) => err);
    expect(refused).toBeInstanceOf(TooManyRequestsError);
    expect(refused).toMatchObject({ message: "Too many tries; try again in 10 minutes" });
    expect((refused as TooManyRequestsError).retryAfterSeconds).toBeGreaterThan(590);
    await spendAttempt(limiter, "another key", "Too many tries");
  });
});

describe("limits as configuration", () => {
  const schema = z.object({
    ...rateLimitEnvShape,
    ...limitEnv("SEARCH_PER_IP", { attempts: 120, windowSeconds: 60 }, { attempts: "a", window: "w" }),
  });

  it("names <NAME>_ATTEMPTS and <NAME>_WINDOW_SECONDS, with defaults and a description", () => {
    const e = schema.parse({ SEARCH_PER_IP_ATTEMPTS: "5" });
    expect(limitOf(e, "SEARCH_PER_IP")).toEqual({ attempts: 5, windowSeconds: 60 });
    expect(limitOf(e, "STAFF_MUTATIONS")).toEqual({ attempts: 300, windowSeconds: 60 });
    expect(e.REDIS_URL).toBeUndefined();
    expect(schema.shape.SEARCH_PER_IP_WINDOW_SECONDS.description).toBe("w");
    expect(schema.safeParse({ SEARCH_PER_IP_ATTEMPTS: "0" }).success).toBe(false);
    expect(schema.safeParse({ REDIS_URL: "http://redis:6379" }).success).toBe(false);
  });

  it("builds one limiter per limit: in memory without Redis, in Redis with it", async () => {
    const limits = {
      searchPerIp: { attempts: 1, windowSeconds: 60 },
      staffMutations: { attempts: 9, windowSeconds: 60 },
    };
    const memory = createLimiters("catalog", { redisUrl: undefined, limits }, log);
    expect(memory.searchPerIp).toBeInstanceOf(MemoryRateLimiter);
    expect((await memory.searchPerIp.consume("a")).allowed).toBe(true);
    expect((await memory.searchPerIp.consume("a")).allowed).toBe(false);
    expect((await memory.staffMutations.consume("a")).allowed).toBe(true);
    await memory.close();
    // Nothing listens on port 1: the Redis limiters count in the process meanwhile (never fail open).
    const redis = createLimiters("catalog", { redisUrl: "redis://127.0.0.1:1", limits }, log);
    expect(redis.searchPerIp).toBeInstanceOf(RedisRateLimiter);
    expect((await redis.searchPerIp.consume("a")).allowed).toBe(true);
    expect((await redis.searchPerIp.consume("a")).allowed).toBe(false);
    await redis.close();
  });

  it("has in-process defaults for a host that configures none: 300 staff changes a minute", async () => {
    const { staffMutations } = defaultServiceLimits();
    for (let n = 0; n < 300; n++) expect((await staffMutations.consume("staff")).allowed).toBe(true);
    expect(await staffMutations.consume("staff")).toMatchObject({ allowed: false });
  });
});
