// Read-through caching in front of the catalog store. Each entry is fresh for a short time and then
// kept a while longer as a fallback: when the database fails, shoppers get the last good answer
// (graceful degradation) instead of an error. Concurrent misses for one key share a single query.
import type { Logger } from "@emporium/observability";
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
import type { Cache } from "../ports/cache";
import type { CatalogStore } from "../ports/catalog-store";

interface Entry<T> {
  value: T;
  freshUntil: number;
}

export interface CacheTtls {
  /** How long an answer is served without asking the database (ms). */
  freshMs: number;
  /** How long a stale answer is kept as a fallback for when the database fails (ms). */
  staleMs: number;
}

export const DEFAULT_TTLS: CacheTtls = { freshMs: 30_000, staleMs: 60 * 60_000 };

export class CachedCatalogStore implements CatalogStore {
  private readonly inFlight = new Map<string, Promise<unknown>>();

  constructor(
    private readonly inner: CatalogStore,
    private readonly cache: Cache,
    private readonly log: Logger,
    private readonly ttls: CacheTtls = DEFAULT_TTLS,
    private readonly now: () => number = Date.now,
  ) {}

  private async cached<T>(key: string, load: () => Promise<T>): Promise<T> {
    const entry = await this.cache.get<Entry<T>>(key);
    if (entry && entry.freshUntil > this.now()) return entry.value;
    const pending = this.inFlight.get(key) as Promise<T> | undefined;
    if (pending) return pending;
    const loading = (async () => {
      try {
        const value = await load();
        await this.cache.set<Entry<T>>(
          key,
          { value, freshUntil: this.now() + this.ttls.freshMs },
          this.ttls.staleMs,
        );
        return value;
      } catch (err) {
        if (entry && isInfrastructureError(err)) {
          this.log.warn({ err, key }, "catalog store failed; serving the last good answer");
          return entry.value;
        }
        throw err;
      } finally {
        this.inFlight.delete(key);
      }
    })();
    this.inFlight.set(key, loading);
    return loading;
  }

  categoryTree(): Promise<CategoryNode[]> {
    return this.cached("tree", () => this.inner.categoryTree());
  }

  listProducts(query: ListingQuery): Promise<ProductPage> {
    return this.cached(listingCacheKey(query), () => this.inner.listProducts(query));
  }

  productBySlug(slug: string): Promise<ProductDetail | null> {
    return this.cached(`product:${slug}`, () => this.inner.productBySlug(slug));
  }

  suggest(q: string, limit: number): Promise<Suggestions> {
    return this.cached(`suggest:${limit}:${q.trim().toLowerCase()}`, () => this.inner.suggest(q, limit));
  }

  /** Not cached: carts need current prices and stock, and the query is a primary-key lookup. */
  variants(ids: readonly string[]): Promise<VariantSummary[]> {
    return this.inner.variants(ids);
  }

  home(): Promise<HomePage> {
    return this.cached("home", () => this.inner.home());
  }

  sitemap(): Promise<SitemapEntry[]> {
    return this.cached("sitemap", () => this.inner.sitemap());
  }

  ping(): Promise<void> {
    return this.inner.ping();
  }
}

/** Errors of the shopper's own making are answered as they are, never papered over with stale data. */
function isInfrastructureError(err: unknown): boolean {
  return !(err instanceof Error && ["NotFoundError", "InvalidInputError"].includes(err.name));
}
