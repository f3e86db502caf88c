// The embedded shared cache: one bounded in-process map standing in for Memcached when there is one
// process (npm run dev). Held to the same contract suite as the Memcached adapter.
import { LRUCache } from "lru-cache";
import type { SharedCache } from "../../ports/cache";

export class MemorySharedCache implements SharedCache {
  private readonly values: LRUCache<string, { json: string }>;
  private readonly claims = new Map<string, number>();

  constructor(
    maxEntries = 2_000,
    private readonly now: () => number = Date.now,
  ) {
    this.values = new LRUCache({ max: maxEntries, ttlAutopurge: false });
  }

  async get<T>(key: string): Promise<T | undefined> {
    const hit = this.values.get(key);
    // Stored as JSON, as Memcached stores it: a caller never shares an object with the cache.
    return hit ? (JSON.parse(hit.json) as T) : undefined;
  }

  async set<T>(key: string, value: T, ttlMs: number): Promise<void> {
    this.values.set(key, { json: JSON.stringify(value) }, { ttl: Math.max(1, ttlMs) });
  }

  async claim(key: string, ttlMs: number): Promise<boolean> {
    const now = this.now();
    const until = this.claims.get(key);
    if (until !== undefined && until > now) return false;
    this.claims.set(key, now + ttlMs);
    if (this.claims.size > 10_000) for (const [k, t] of this.claims) if (t <= now) this.claims.delete(k);
    return true;
  }

  async release(key: string): Promise<void> {
    this.claims.delete(key);
  }

  async close(): Promise<void> {
    this.values.clear();
    this.claims.clear();
  }
}
