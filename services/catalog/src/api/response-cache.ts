// A micro-cache of whole HTTP responses for the catalog's public GET queries: for a few seconds the
// same URL is answered with the same bytes straight from memory, skipping tRPC's request handling and
// JSON serialisation. The data cache behind the store still applies on a miss. Bounded by bytes.
import { LRUCache } from "lru-cache";

export interface CachedResponse {
  contentType: string;
  cacheControl: string | null;
  body: Buffer;
}

export class ResponseCache {
  private readonly lru: LRUCache<string, CachedResponse>;
  private generation = 0;

  constructor(
    readonly ttlMs: number,
    maxBytes: number,
  ) {
    this.lru = new LRUCache<string, CachedResponse>({
      maxSize: maxBytes,
      sizeCalculation: (r, key) => r.body.length + key.length + 64,
      ttl: Math.max(ttlMs, 1),
    });
  }

  get enabled(): boolean {
    return this.ttlMs > 0;
  }

  get(key: string): CachedResponse | undefined {
    return this.enabled ? this.lru.get(key) : undefined;
  }

  /** Taken before computing an answer, and handed back to `set` with it. */
  get ticket(): number {
    return this.generation;
  }

  /**
   * Keeps an answer — unless the cache was cleared since `ticket` was taken: an answer computed before a
   * change must not be kept after it.
   */
  set(key: string, response: CachedResponse, ticket: number): void {
    if (this.enabled && ticket === this.generation) this.lru.set(key, response);
  }

  clear(): void {
    this.generation++;
    this.lru.clear();
  }
}
