// Rate limits for the services: the port, its Redis and in-memory adapters, and the choice between them
// from configuration (a Redis URL, or none for the embedded default).
import type { Logger } from "@emporium/observability";
import { MemoryRateLimiter } from "./memory";
import type { RateLimit, RateLimiter } from "./rate-limiter";
import { RedisRateLimiter } from "./redis";

export { MemoryRateLimiter } from "./memory";
export { RedisRateLimiter, type RedisRateLimiterOptions } from "./redis";
export type { RateDecision, RateLimit, RateLimiter } from "./rate-limiter";

export interface RateLimiterConfig extends RateLimit {
  /** Counts shared by every process through this Redis; unset: counted in this process only. */
  redisUrl?: string | undefined;
  log: Logger;
}

export function createRateLimiter({ redisUrl, log, ...limit }: RateLimiterConfig): RateLimiter {
  return redisUrl ? new RedisRateLimiter({ ...limit, redisUrl, log }) : new MemoryRateLimiter(limit);
}
