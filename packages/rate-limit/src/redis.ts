// The shared limiter: counts in Redis, so every replica of a service draws on the same attempts per key.
// While Redis is unreachable each process falls back to its own in-memory count (the insurance limiter)
// rather than letting everything through: limits get looser by the number of processes, never absent.
// The client is set up to fail fast — no offline queue, short timeouts — so an outage costs a request
// nothing noticeable instead of hanging it on a queued command.
import { Redis } from "ioredis";
import { RateLimiterRedis, type RateLimiterMemory } from "rate-limiter-flexible";
import type { Logger } from "@emporium/observability";
import { memoryLimiter } from "./memory";
import { decide } from "./outcome";
import type { RateDecision, RateLimit, RateLimiter } from "./rate-limiter";

export interface RedisRateLimiterOptions extends RateLimit {
  redisUrl: string;
  log: Logger;
}

/** Reconnects forever, backing off to one attempt every 2 s, so a restarted Redis is picked up soon. */
const reconnectDelay = (attempt: number) => Math.min(attempt * 100, 2_000);

export class RedisRateLimiter implements RateLimiter {
  private readonly client: Redis;
  private readonly limiter: RateLimiterRedis;
  private readonly insurance: RateLimiterMemory;
  private degraded = false;
  private closing = false;

  constructor(options: RedisRateLimiterOptions) {
    const { log } = options;
    this.client = new Redis(options.redisUrl, {
      enableOfflineQueue: false,
      connectTimeout: 1_000,
      commandTimeout: 500,
      maxRetriesPerRequest: 0,
      retryStrategy: reconnectDelay,
    });
    // One warning per outage, not one per request (ioredis reports every failed reconnection).
    const down = (err?: Error) => {
      // Closing the connection at shutdown is not an outage.
      if (this.degraded || this.closing) return;
      this.degraded = true;
      log.warn(
        { err, limiter: options.keyPrefix },
        "Redis is unreachable: rate limits are counted per process until it returns",
      );
    };
    this.client.on("error", down);
    this.client.on("close", () => down());
    this.client.on("ready", () => {
      if (!this.degraded) return;
      this.degraded = false;
      log.info({ limiter: options.keyPrefix }, "Redis is back: rate limits are shared again");
    });
    this.insurance = memoryLimiter(options);
    this.limiter = new RateLimiterRedis({
      storeClient: this.client,
      points: options.points,
      duration: options.durationSeconds,
      keyPrefix: options.keyPrefix,
      // Not connected: go straight to the insurance limiter rather than fail the command.
      rejectIfRedisNotReady: true,
      insuranceLimiter: this.insurance,
    });
  }

  /** Whether attempts are being counted in Redis right now (false: in this process only). */
  get shared(): boolean {
    return this.client.status === "ready";
  }

  consume(key: string): Promise<RateDecision> {
    return decide(() => this.limiter.consume(key));
  }

  async reset(key: string): Promise<void> {
    // Both counts: an outage later must not bring back attempts forgotten now.
    await Promise.all([this.limiter.delete(key), this.insurance.delete(key)]);
  }

  async close(): Promise<void> {
    this.closing = true;
    if (this.client.status === "ready") await this.client.quit().catch(() => this.client.disconnect());
    else this.client.disconnect();
  }
}
