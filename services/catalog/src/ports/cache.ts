// A cache of JSON-serialisable values with a time to live. Embedded: an in-process LRU; later Redis.

export interface Cache {
  get<T>(key: string): Promise<T | undefined>;
  set<T>(key: string, value: T, ttlMs: number): Promise<void>;
  /** Drops every entry whose key starts with the prefix. */
  invalidatePrefix(prefix: string): Promise<void>;
}
