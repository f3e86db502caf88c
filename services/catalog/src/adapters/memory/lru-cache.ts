// The embedded cache: an in-process LRU bounded by entry count, each entry with its own time to live.
import { LRUCache } from "lru-cache";
import type { Cache } from "../../ports/cache";

export class MemoryLruCache implements Cache {
  private readonly lru: LRUCache<string, { value: unknown }>;

  constructor(maxEntries = 1_000) {
    this.lru = new LRUCache({ max: maxEntries, ttlAutopurge: false });
  }

  async get<T>(key: string): Promise<T | undefined> {
    return this.lru.get(key)?.value as T | undefined;
  }

  async set<T>(key: string, value: T, ttlMs: number): Promise<void> {
    this.lru.set(key, { value }, { ttl: ttlMs });
  }

  async invalidatePrefix(prefix: string): Promise<void> {
    for (const key of [...this.lru.keys()]) if (key.startsWith(prefix)) this.lru.delete(key);
  }
}

/** No first level (CACHE_MODE=shared or off): every lookup misses, nothing is kept. */
export class NoCache implements Cache {
  async get<T>(): Promise<T | undefined> {
    return undefined;
  }

  async set(): Promise<void> {}

  async invalidatePrefix(): Promise<void> {}
}
