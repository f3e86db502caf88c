// Read-through caching in front of the catalog store, on two levels:
//  - L1, this process's LRU: checked first; an entry counts only while its version is current.
//  - L2, the cache all replicas share (Memcached): whole answers under versioned keys.
// Every key belongs to a scope ("catalog" or "product:<slug>") whose version moves on with each change
// (see CatalogVersions), so a change is visible at once on every replica instead of after a time to
// live. Times to live remain as a safety net for changes made behind the catalog's back.
//
// Stampedes: concurrent misses in one process share one load; across replicas one claims the key in
// L2 and loads while the others wait briefly for its answer. An answer past its fresh time is served
// while one replica refreshes it (stale-while-revalidate).
//
// Degradation: when the database fails, the last good answer of the same key (any version) is served
// rather than an error. While the version counters are unreachable, L2 is left alone and L1 entries
// live only seconds, since another replica's change could go unheard.
import { outageLog, type Logger, type OutageLog } from "@emporium/observability";
import { listingCacheKey, type ListingQuery } from "../domain/listing";
import type {
  CategoryNode,
  HomePage,
  ProductDetail,
  ProductPage,
  SitemapEntry,
  Suggestions,
  VariantSummary,
} from "../domain/types";
import {
  CATALOG_SCOPE,
  productScope,
  type Cache,
  type CatalogVersions,
  type SharedCache,
} from "../ports/cache";
import type { CatalogStore } from "../ports/catalog-store";

export interface CacheTtls {
  /** How long an answer is served without asking the database (ms). */
  freshMs: number;
  /** How long an answer is kept: to serve while refreshing it, and when the database fails (ms). */
  staleMs: number;
  /** How long an L1 entry is trusted while the version counters cannot be reached (ms). */
  uncoordinatedMs: number;
}

export const DEFAULT_TTLS: CacheTtls = { freshMs: 5 * 60_000, staleMs: 60 * 60_000, uncoordinatedMs: 5_000 };

/** How long a replica's claim on computing a key lasts, and how long the others wait for its answer. */
const CLAIM_MS = 5_000;
const WAIT_MS = 2_000;
const POLL_MS = 15;

export type CacheLevel = "l1" | "l2";
export type CacheResult = "hit" | "miss" | "stale";

export interface CacheLevels {
  l1: Cache;
  l2: SharedCache;
  versions: CatalogVersions;
  log: Logger;
  ttls?: CacheTtls;
  now?: () => number;
  /** Counts lookups per level and result (the catalog's cache metrics). */
  observe?: (level: CacheLevel, result: CacheResult) => void;
}

interface Local<T> {
  value: T;
  version: string;
  freshUntil: number;
  storedAt: number;
}

interface Shared<T> {
  value: T;
  freshUntil: number;
}

export class CachedCatalogStore implements CatalogStore {
  private readonly inFlight = new Map<string, Promise<unknown>>();
  private readonly ttls: CacheTtls;
  private readonly now: () => number;
  private readonly database: OutageLog;

  constructor(
    private readonly inner: CatalogStore,
    private readonly levels: CacheLevels,
  ) {
    this.ttls = levels.ttls ?? DEFAULT_TTLS;
    this.now = levels.now ?? Date.now;
    this.database = outageLog(levels.log, "The catalog database", "serving the last good answers");
  }

  /**
   * A product changed (details, price, status, media): its page, and — unless only its stock figure
   * moved without changing whether it is in stock — every listing, on every replica.
   */
  productChanged(slug: string, listings = true): Promise<void> {
    return this.levels.versions.bump(listings ? [productScope(slug), CATALOG_SCOPE] : [productScope(slug)]);
  }

  private observe(level: CacheLevel, result: CacheResult): void {
    this.levels.observe?.(level, result);
  }

  private async cached<T>(scope: string, key: string, load: () => Promise<T>): Promise<T> {
    const [version = "0"] = await this.levels.versions.read([scope]);
    const local = await this.levels.l1.get<Local<T>>(key);
    if (local && local.version === version && this.fresh(local)) {
      this.observe("l1", "hit");
      return local.value;
    }
    this.observe("l1", local?.version === version ? "stale" : "miss");
    const flight = `${scope}@${version}|${key}`;
    const pending = this.inFlight.get(flight) as Promise<T> | undefined;
    if (pending) return pending;
    const filling = this.fill(flight, key, version, local, load).finally(() => this.inFlight.delete(flight));
    this.inFlight.set(flight, filling);
    return filling;
  }

  /**
   * Fresh until its time runs out — and, while changes on other replicas could go unheard, only for
   * seconds after it was stored, however long it was meant to live.
   */
  private fresh(local: Local<unknown>): boolean {
    const now = this.now();
    if (local.freshUntil <= now) return false;
    return this.levels.versions.coordinated || now - local.storedAt < this.ttls.uncoordinatedMs;
  }

  private async fill<T>(
    sharedKey: string,
    key: string,
    version: string,
    local: Local<T> | undefined,
    load: () => Promise<T>,
  ): Promise<T> {
    if (!this.levels.versions.coordinated) return this.load(null, key, version, local, load);
    const { l2 } = this.levels;
    const shared = await l2.get<Shared<T>>(sharedKey);
    if (shared) {
      if (shared.freshUntil > this.now()) {
        this.observe("l2", "hit");
        await this.remember(key, version, shared);
        return shared.value;
      }
      // Serve the stale answer now; one replica refreshes it in the background.
      this.observe("l2", "stale");
      void this.refresh(sharedKey, key, version, load);
      return shared.value;
    }
    this.observe("l2", "miss");
    if (!(await l2.claim(claimOf(sharedKey), CLAIM_MS))) {
      const filled = await this.waitFor<T>(sharedKey);
      if (filled) {
        await this.remember(key, version, filled);
        return filled.value;
      }
    }
    return this.load(sharedKey, key, version, local, load);
  }

  private async refresh<T>(sharedKey: string, key: string, version: string, load: () => Promise<T>) {
    try {
      if (await this.levels.l2.claim(claimOf(sharedKey), CLAIM_MS))
        await this.load(sharedKey, key, version, undefined, load);
    } catch (err) {
      this.levels.log.debug({ err, key }, "could not refresh a stale catalog answer");
    }
  }

  /** Another replica is computing the answer: poll L2 for it, for a short while. */
  private async waitFor<T>(sharedKey: string): Promise<Shared<T> | undefined> {
    const until = this.now() + WAIT_MS;
    while (this.now() < until) {
      await new Promise((r) => setTimeout(r, POLL_MS));
      const filled = await this.levels.l2.get<Shared<T>>(sharedKey);
      if (filled) return filled;
    }
    return undefined;
  }

  private async load<T>(
    sharedKey: string | null,
    key: string,
    version: string,
    local: Local<T> | undefined,
    load: () => Promise<T>,
  ): Promise<T> {
    let value: T;
    try {
      value = await load();
      this.database.ok();
    } catch (err) {
      if (local && isInfrastructureError(err)) {
        this.database.failed(err);
        return local.value;
      }
      throw err;
    }
    const freshMs = sharedKey ? this.ttls.freshMs : Math.min(this.ttls.freshMs, this.ttls.uncoordinatedMs);
    const entry: Shared<T> = { value, freshUntil: this.now() + freshMs };
    await this.remember(key, version, entry);
    if (sharedKey) {
      await this.levels.l2.set(sharedKey, entry, this.ttls.staleMs);
      await this.levels.l2.release(claimOf(sharedKey));
    }
    return value;
  }

  private remember<T>(key: string, version: string, entry: Shared<T>): Promise<void> {
    return this.levels.l1.set<Local<T>>(key, { ...entry, version, storedAt: this.now() }, this.ttls.staleMs);
  }

  categoryTree(): Promise<CategoryNode[]> {
    return this.cached(CATALOG_SCOPE, "tree", () => this.inner.categoryTree());
  }

  listProducts(query: ListingQuery): Promise<ProductPage> {
    return this.cached(CATALOG_SCOPE, listingCacheKey(query), () => this.inner.listProducts(query));
  }

  productBySlug(slug: string): Promise<ProductDetail | null> {
    return this.cached(productScope(slug), `product:${slug}`, () => this.inner.productBySlug(slug));
  }

  suggest(q: string, limit: number): Promise<Suggestions> {
    return this.cached(CATALOG_SCOPE, `suggest:${limit}:${q.trim().toLowerCase()}`, () =>
      this.inner.suggest(q, limit),
    );
  }

  /** Not cached: carts need current prices and stock, and the query is a primary-key lookup. */
  variants(ids: readonly string[]): Promise<VariantSummary[]> {
    return this.inner.variants(ids);
  }

  home(): Promise<HomePage> {
    return this.cached(CATALOG_SCOPE, "home", () => this.inner.home());
  }

  sitemap(): Promise<SitemapEntry[]> {
    return this.cached(CATALOG_SCOPE, "sitemap", () => this.inner.sitemap());
  }

  ping(): Promise<void> {
    return this.inner.ping();
  }
}

const claimOf = (sharedKey: string) => `claim:${sharedKey}`;

/** Errors of the shopper's own making are answered as they are, never papered over with stale data. */
function isInfrastructureError(err: unknown): boolean {
  return !(err instanceof Error && ["NotFoundError", "InvalidInputError"].includes(err.name));
}
