// The catalog's two cache levels and what keeps them honest.
//  - L1 is each process's own LRU (adapters/memory/lru-cache), read first and synchronously cheap.
//  - L2 is shared by every replica (Memcached; embedded: in this process): whole answers under keys that
//    carry a catalog version, so a change never waits for a time to live to run out.
//  - The versions live where every replica sees them (Redis; embedded: in this process) and each bump
//    reaches every replica at once (pub/sub), which drops what it cached under the old version.

/** A cache of JSON-serialisable values with a time to live, in this process. */
export interface Cache {
  get<T>(key: string): Promise<T | undefined>;
  set<T>(key: string, value: T, ttlMs: number): Promise<void>;
  /** Drops every entry whose key starts with the prefix. */
  invalidatePrefix(prefix: string): Promise<void>;
}

/**
 * The cache every replica shares. It never throws: an unreachable server reads as a miss, a write that
 * could not be made is skipped, and the adapter logs one warning per outage (not per request).
 */
export interface SharedCache {
  get<T>(key: string): Promise<T | undefined>;
  set<T>(key: string, value: T, ttlMs: number): Promise<void>;
  /**
   * Claims the right to compute `key` for `ttlMs`: true for exactly one caller among all replicas until
   * the claim expires — and true when the server cannot be asked (better one query per replica than none).
   */
  claim(key: string, ttlMs: number): Promise<boolean>;
  /** Gives a claim up once its answer is stored. */
  release(key: string): Promise<void>;
  close(): Promise<void>;
}

/**
 * Version counters of the catalog's cache scopes: "catalog" (listings, facets, search, home, sitemap,
 * category tree) and "product:<slug>" (one product's page).
 */
export interface CatalogVersions {
  /**
   * The scopes' current versions as this replica knows them (a scope never seen is read once): opaque
   * tokens, equal exactly when nothing in the scope changed.
   */
  read(scopes: readonly string[]): Promise<string[]>;
  /** Moves the scopes on, here at once and on every other replica as soon as it hears of it. */
  bump(scopes: readonly string[]): Promise<void>;
  /** Hears every change of version, made here or by another replica. */
  onChange(listener: (scopes: readonly string[]) => void): void;
  /**
   * False while the shared counters cannot be reached: bumps by other replicas may be missed, so callers
   * keep what they cache only briefly and leave the shared cache alone until this is true again.
   */
  readonly coordinated: boolean;
  start(): Promise<void>;
  close(): Promise<void>;
}

/** The scope of everything that lists products. */
export const CATALOG_SCOPE = "catalog";
/** The scope of one product's page. */
export const productScope = (slug: string): string => `product:${slug}`;
