// The listing's state lives in the URL so a link reproduces the page and the back button works:
//   /c/clothing/tops?brand=kestrel&colour=blue&price_min=20&in_stock=1&rating=4&sort=price_asc&after=<cursor>
// The position is either a keyset cursor (after=/before=, what Previous and Next link to) or a page
// number (page=3, what the numbered page links use); never both.
// Fixed keys have their own meaning; every other slug-shaped key is an attribute facet (colour=blue).
// Parsing is forgiving — malformed values are dropped rather than sent to the catalog — and writing is
// canonical (fixed key order, sorted values) so equal states give equal URLs.
import type { RouterInputs, SortOrder } from "@emporium/catalog/client";
import { CATEGORY_PATH, SLUG } from "@/links";

export type ListInput = RouterInputs["product"]["list"];
export type SearchParamsRecord = Record<string, string | string[] | undefined>;

export const PAGE_SIZE = 24;
/** The catalog refuses longer queries (MAX_QUERY_LENGTH in the catalog's search-query). */
export const MAX_QUERY_LENGTH = 100;

const DOLLARS = /^\d{1,7}(?:\.\d{1,2})?$/;
const SORTS: readonly SortOrder[] = ["relevance", "newest", "price_asc", "price_desc", "rating"];

/** "4★ & up": the lowest average rating a shopper can ask for (the catalog's minRating, 1–4). */
export type MinRating = 1 | 2 | 3 | 4;
export const MIN_RATINGS: readonly MinRating[] = [4, 3, 2, 1];

/** Keys with a fixed meaning; any other slug-shaped key is an attribute filter. */
export const RESERVED_KEYS: ReadonlySet<string> = new Set([
  "q",
  "category",
  "brand",
  "sort",
  "after",
  "before",
  "page",
  "price_min",
  "price_max",
  "in_stock",
  "rating",
  "variant",
]);

export interface ListingCursor {
  direction: "after" | "before";
  value: string;
}

export interface ListingState {
  q: string;
  /** Narrows search results to a category (the category page takes it from its path instead). */
  category: string | null;
  brands: string[];
  /** Attribute slug → value slugs, e.g. { colour: ["blue"] }. */
  attributes: Record<string, string[]>;
  /** Minor units (cents). */
  priceMin: number | null;
  priceMax: number | null;
  inStock: boolean;
  /** Only products rated at least this many stars on average; null for any rating (or none). */
  minRating: MinRating | null;
  /** null means the default order (relevance when searching, newest otherwise). */
  sort: SortOrder | null;
  cursor: ListingCursor | null;
  /** A page opened by number (2 or more); null with a cursor or on the first page. */
  page: number | null;
}

export const EMPTY_LISTING: ListingState = {
  q: "",
  category: null,
  brands: [],
  attributes: {},
  priceMin: null,
  priceMax: null,
  inStock: false,
  minRating: null,
  sort: null,
  cursor: null,
  page: null,
};

function toSearchParamsInput(input: URLSearchParams | SearchParamsRecord): URLSearchParams {
  if (input instanceof URLSearchParams) return input;
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(input)) {
    if (value === undefined) continue;
    for (const v of Array.isArray(value) ? value : [value]) params.append(key, v);
  }
  return params;
}

const sortedUnique = (values: readonly string[]): string[] => [...new Set(values)].sort();

function slugs(params: URLSearchParams, key: string): string[] {
  return sortedUnique(
    params
      .getAll(key)
      .flatMap((v) => v.split(","))
      .map((v) => v.trim().toLowerCase())
      .filter((v) => SLUG.test(v)),
  );
}

/** "19.99" → 1999; anything that is not a plain non-negative amount → null. */
export function dollarsToCents(text: string | null | undefined): number | null {
  const trimmed = text?.trim() ?? "";
  if (!DOLLARS.test(trimmed)) return null;
  return Math.round(Number(trimmed) * 100);
}

/** 1999 → "19.99", 2000 → "20": what a shopper would type into a price box. */
export function centsToDollars(cents: number): string {
  return cents % 100 === 0 ? String(cents / 100) : (cents / 100).toFixed(2);
}

export function parseListingParams(input: URLSearchParams | SearchParamsRecord): ListingState {
  const params = toSearchParamsInput(input);
  const attributes: Record<string, string[]> = {};
  for (const key of sortedUnique([...params.keys()])) {
    if (RESERVED_KEYS.has(key) || !SLUG.test(key)) continue;
    const values = slugs(params, key);
    if (values.length > 0) attributes[key] = values;
  }
  let priceMin = dollarsToCents(params.get("price_min"));
  let priceMax = dollarsToCents(params.get("price_max"));
  // A reversed range is a slip of the keyboard, not a request for nothing.
  if (priceMin !== null && priceMax !== null && priceMin > priceMax)
    [priceMin, priceMax] = [priceMax, priceMin];
  const sort = params.get("sort");
  const category = params.get("category")?.trim().toLowerCase() ?? "";
  const after = params.get("after");
  const before = params.get("before");
  const page = /^\d{1,5}$/.test(params.get("page") ?? "") ? Number(params.get("page")) : 1;
  return {
    q: (params.get("q") ?? "").trim().slice(0, MAX_QUERY_LENGTH),
    category: CATEGORY_PATH.test(category) ? category : null,
    brands: slugs(params, "brand"),
    attributes,
    priceMin,
    priceMax,
    inStock: ["1", "true", "on"].includes(params.get("in_stock") ?? ""),
    minRating: MIN_RATINGS.find((r) => String(r) === params.get("rating")) ?? null,
    sort: SORTS.find((s) => s === sort) ?? null,
    cursor: after
      ? { direction: "after", value: after }
      : before
        ? { direction: "before", value: before }
        : null,
    page: after || before || page < 2 ? null : page,
  };
}

/** The state as query parameters, in a fixed order. */
export function toSearchParams(state: ListingState): URLSearchParams {
  const params = new URLSearchParams();
  if (state.q) params.set("q", state.q);
  if (state.category) params.set("category", state.category);
  for (const brand of sortedUnique(state.brands)) params.append("brand", brand);
  for (const key of Object.keys(state.attributes).sort()) {
    for (const value of sortedUnique(state.attributes[key] ?? [])) params.append(key, value);
  }
  if (state.priceMin !== null) params.set("price_min", centsToDollars(state.priceMin));
  if (state.priceMax !== null) params.set("price_max", centsToDollars(state.priceMax));
  if (state.inStock) params.set("in_stock", "1");
  if (state.minRating !== null) params.set("rating", String(state.minRating));
  if (state.sort) params.set("sort", state.sort);
  if (state.cursor) params.set(state.cursor.direction, state.cursor.value);
  else if (state.page !== null && state.page > 1) params.set("page", String(state.page));
  return params;
}

export function listingHref(pathname: string, state: ListingState): string {
  const query = toSearchParams(state).toString();
  return query ? `${pathname}?${query}` : pathname;
}

export function hasFilters(state: ListingState): boolean {
  return (
    state.category !== null ||
    state.brands.length > 0 ||
    Object.keys(state.attributes).length > 0 ||
    state.priceMin !== null ||
    state.priceMax !== null ||
    state.inStock ||
    state.minRating !== null
  );
}

/** Drops every filter and the page position; keeps the search words and the order. */
export function withoutFilters(state: ListingState): ListingState {
  return { ...EMPTY_LISTING, q: state.q, sort: state.sort };
}

/** Any change to what is listed starts again from the first page: cursors belong to one query. */
export function firstPage(state: ListingState): ListingState {
  return { ...state, cursor: null, page: null };
}

/** Adds or removes one facet value ("brand" or an attribute slug). */
export function toggleFacetValue(state: ListingState, facet: string, value: string): ListingState {
  const toggle = (values: readonly string[]) =>
    values.includes(value) ? values.filter((v) => v !== value) : sortedUnique([...values, value]);
  if (facet === "brand") return firstPage({ ...state, brands: toggle(state.brands) });
  const attributes = { ...state.attributes, [facet]: toggle(state.attributes[facet] ?? []) };
  if (attributes[facet]?.length === 0) delete attributes[facet];
  return firstPage({ ...state, attributes });
}

export function withPage(state: ListingState, cursor: ListingCursor | null): ListingState {
  return { ...state, cursor, page: null };
}

/** Page `n` by number (page 1 is the plain first page). */
export function withPageNumber(state: ListingState, n: number): ListingState {
  return { ...state, cursor: null, page: n > 1 ? n : null };
}

/** The catalog's product.list input for this state; `category` comes from the page path when there is one. */
export function toListInput(state: ListingState, scope: { category?: string | null } = {}): ListInput {
  const category = scope.category ?? state.category;
  return {
    ...(category ? { category } : {}),
    ...(state.q ? { q: state.q } : {}),
    ...(state.brands.length > 0 ? { brands: state.brands } : {}),
    ...(Object.keys(state.attributes).length > 0 ? { attributes: state.attributes } : {}),
    ...(state.priceMin !== null ? { priceMin: state.priceMin } : {}),
    ...(state.priceMax !== null ? { priceMax: state.priceMax } : {}),
    ...(state.inStock ? { inStock: true } : {}),
    ...(state.minRating !== null ? { minRating: state.minRating } : {}),
    ...(state.sort ? { sort: state.sort } : {}),
    ...(state.cursor ? { cursor: state.cursor.value } : state.page !== null ? { page: state.page } : {}),
    limit: PAGE_SIZE,
    facets: true,
  };
}
