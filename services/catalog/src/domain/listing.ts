// A product listing request in canonical form: the same filters in any order give the same query and
// the same cache key.
import type { SortOrder } from "./types";

export interface AttributeFilter {
  slug: string;
  values: string[];
}

export interface ListingQuery {
  categoryPath: string | null;
  q: string | null;
  brands: string[];
  attributes: AttributeFilter[];
  priceMin: number | null;
  priceMax: number | null;
  inStock: boolean;
  /** Only products rated at least this many stars on average (1–4). */
  minRating: number | null;
  sort: SortOrder;
  limit: number;
  cursor: string | null;
  /** 1-based page number to open by offset (product.list refuses it together with a cursor). */
  page: number | null;
  facets: boolean;
}

export interface ListingRequest {
  category?: string | undefined;
  q?: string | undefined;
  brands?: string[] | undefined;
  attributes?: Record<string, string[]> | undefined;
  priceMin?: number | undefined;
  priceMax?: number | undefined;
  inStock?: boolean | undefined;
  minRating?: number | undefined;
  sort?: SortOrder | undefined;
  limit: number;
  cursor?: string | undefined;
  page?: number | undefined;
  facets?: boolean | undefined;
}

const sortedUnique = (values: readonly string[]): string[] => [...new Set(values)].sort();

/** Relevance needs a query; without one the listing falls back to newest first. */
export function effectiveSort(requested: SortOrder | undefined, hasQuery: boolean): SortOrder {
  if (!requested) return hasQuery ? "relevance" : "newest";
  if (requested === "relevance" && !hasQuery) return "newest";
  return requested;
}

export function normalizeListing(req: ListingRequest): ListingQuery {
  const q = req.q?.trim() ? req.q.trim() : null;
  return {
    categoryPath: req.category ?? null,
    q,
    brands: sortedUnique(req.brands ?? []),
    attributes: Object.entries(req.attributes ?? {})
      .map(([slug, values]) => ({ slug, values: sortedUnique(values) }))
      .filter((a) => a.values.length > 0)
      .sort((a, b) => a.slug.localeCompare(b.slug)),
    priceMin: req.priceMin ?? null,
    priceMax: req.priceMax ?? null,
    inStock: req.inStock ?? false,
    minRating: req.minRating ?? null,
    sort: effectiveSort(req.sort, q !== null),
    limit: req.limit,
    cursor: req.cursor ?? null,
    // Page 1 is the first page: the same listing and cache entry as no page at all.
    page: req.page && req.page > 1 ? req.page : null,
    facets: req.facets ?? false,
  };
}

export function listingCacheKey(query: ListingQuery): string {
  return `list:${JSON.stringify(query)}`;
}
