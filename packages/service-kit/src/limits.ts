// Rate limits as every service uses them: spend one attempt before the work a limit guards and refuse
// with 429 and a message a person can read once the window's attempts are spent; the limits every
// service has (changes per staff member, enforced by the kit's staffProcedure); and building a
// service's limiters from its configuration — in Redis when REDIS_URL names one (every replica shares
// the counts), in the process otherwise (`npm run dev`, and each process while Redis is down).
import { z } from "zod";
import { createRateLimiter, MemoryRateLimiter, type RateLimiter } from "@emporium/rate-limit";
import type { Logger } from "@emporium/observability";
import { TooManyRequestsError } from "./errors";
import { limitOf, staffMutationsEnvShape } from "./limits-env";

export { MemoryRateLimiter, RedisRateLimiter, type RateLimiter } from "@emporium/rate-limit";
export { rateKeyOfIp } from "./client-ip";
export {
  limitEnv,
  limitOf,
  rateLimitEnvShape,
  staffMutationsEnvShape,
  type Limit,
  type LimitKeys,
} from "./limits-env";

/** The limits every tRPC service's context holds; a service adds its own beside them. */
export interface ServiceLimits {
  /** Mutations through staffProcedure, keyed by the staff member's id (STAFF_MUTATIONS_*). */
  staffMutations: RateLimiter;
}

export const STAFF_MUTATIONS_LIMITED = "Too many changes from this staff account";

/**
 * The limits every service has at their default numbers (STAFF_MUTATIONS_* unset), counted in this
 * process: for a host or a test that configures none.
 */
export function defaultServiceLimits(): ServiceLimits {
  const staff = limitOf(z.object(staffMutationsEnvShape).parse({}), "STAFF_MUTATIONS");
  return {
    staffMutations: new MemoryRateLimiter({
      points: staff.attempts,
      durationSeconds: staff.windowSeconds,
      keyPrefix: "staff-mutations",
    }),
  };
}

/** How long to wait, as a person reads it ("try again in 14 minutes"): rounded up, never "0 seconds". */
export function describeWait(seconds: number): string {
  const unit = (n: number, name: string) => `${n} ${name}${n === 1 ? "" : "s"}`;
  if (seconds < 60) return unit(Math.max(1, Math.ceil(seconds)), "second");
  if (seconds < 60 * 60) return unit(Math.ceil(seconds / 60), "minute");
  return unit(Math.ceil(seconds / 3600), "hour");
}

/**
 * Counts one attempt for `key` before the work it guards; once the window's attempts are spent, refuses
 * with 429: "`tooMany`; try again in 14 minutes" (e.g. "Too many searches from your network").
 */
export async function spendAttempt(limiter: RateLimiter, key: string, tooMany: string): Promise<void> {
  const decision = await limiter.consume(key);
  if (decision.allowed) return;
  const wait = decision.retryAfterSeconds;
  throw new TooManyRequestsError(`${tooMany}; try again in ${describeWait(wait)}`, wait);
}

/** "signInPerIp" → "sign-in-per-ip": the part of a limiter's Redis keys after the service's name. */
const kebab = (name: string) => name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);

/**
 * One limiter per entry of `limits`, its counts under "<service>:<kebab-name>:" in Redis when
 * `redisUrl` is set, in this process otherwise. Whoever makes them closes them, after the server.
 */
export function createLimiters<K extends string>(
  service: string,
  config: { redisUrl: string | undefined; limits: Record<K, { attempts: number; windowSeconds: number }> },
  log: Logger,
): Record<K, RateLimiter> & { close(): Promise<void> } {
  const entries = (Object.keys(config.limits) as K[]).map((name) => {
    const limit = config.limits[name];
    const limiter = createRateLimiter({
      redisUrl: config.redisUrl,
      keyPrefix: `${service}:${kebab(name)}`,
      points: limit.attempts,
      durationSeconds: limit.windowSeconds,
      log,
    });
    return [name, limiter] as const;
  });
  const limiters = Object.fromEntries(entries) as Record<K, RateLimiter>;
  return {
    ...limiters,
    close: async () => {
      await Promise.all(entries.map(([, l]) => l.close()));
    },
  };
}
