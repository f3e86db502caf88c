// The embedded limiter: counts in this process's memory. The default with no Redis configured (one
// process, `npm run dev`), and the insurance every Redis limiter falls back to while Redis is down.
import { RateLimiterMemory } from "rate-limiter-flexible";
import { decide } from "./outcome";
import type { RateDecision, RateLimit, RateLimiter } from "./rate-limiter";

export function memoryLimiter(limit: RateLimit): RateLimiterMemory {
  return new RateLimiterMemory({
    points: limit.points,
    duration: limit.durationSeconds,
    keyPrefix: limit.keyPrefix,
  });
}

export class MemoryRateLimiter implements RateLimiter {
  private readonly limiter: RateLimiterMemory;

  constructor(limit: RateLimit) {
    this.limiter = memoryLimiter(limit);
  }

  consume(key: string): Promise<RateDecision> {
    return decide(() => this.limiter.consume(key));
  }

  async reset(key: string): Promise<void> {
    await this.limiter.delete(key);
  }

  async close(): Promise<void> {}
}
