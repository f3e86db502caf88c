// The Activity page's address as its state, apart from the page so it is tested without a browser: the
// filters a GET form puts in the query string (so a filtered view can be shared as a link), read back
// (blanks and impossible dates left out; the audit service checks the rest and names what is wrong),
// turned into the audit service's `activity.list` input, and the "Newer"/"Older" links of its keyset
// paging.
//
// The service pages forward only: each page hands out the cursor of the next, older one. To offer
// "Newer" too, the address carries the cursors of the pages already passed (`newer`, oldest first), so
// going back is going to the last of them; the first page has no cursor at all.
export type SearchParams = Record<string, string | string[] | undefined>;

export interface ActivityFilters {
  /** The actor's email, or its beginning. */
  actor?: string | undefined;
  action?: string | undefined;
  targetType?: string | undefined;
  targetId?: string | undefined;
  /** Whole days, YYYY-MM-DD, in UTC: from the start of `from` to the end of `to`. */
  from?: string | undefined;
  to?: string | undefined;
}

export interface ActivityView {
  filters: ActivityFilters;
  /** Where this page starts; undefined on the first (newest) page. */
  cursor?: string | undefined;
  /** The cursors of the newer pages passed on the way here, oldest first (the first page has none). */
  newer: string[];
}

/** The input `activity.list` takes for a view. */
export interface ActivityListQuery {
  actor?: string;
  action?: string;
  targetType?: string;
  targetId?: string;
  from?: string;
  to?: string;
  cursor?: string;
  limit: number;
}

/** Entries on a page. */
export const ACTIVITY_PAGE_SIZE = 25;
/** How many passed pages "Newer" remembers; deeper than that it goes back to the newest page. */
export const NEWER_TRAIL_MAX = 30;

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const CURSOR = /^[A-Za-z0-9_-]{1,500}$/;
const FILTER_KEYS = ["actor", "action", "targetType", "targetId", "from", "to"] as const;

function one(value: string | string[] | undefined): string | undefined {
  const text = typeof value === "string" ? value.trim() : undefined;
  return text ? text : undefined;
}

function all(value: string | string[] | undefined): string[] {
  return value === undefined ? [] : typeof value === "string" ? [value] : value;
}

/** A real calendar day, YYYY-MM-DD. */
function isDay(value: string): boolean {
  if (!DAY.test(value)) return false;
  const date = new Date(`${value}T00:00:00.000Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value);
}

/** The filters and paging position an address asks for; anything that cannot be one is left out. */
export function activityViewOf(params: SearchParams): ActivityView {
  const from = one(params.from);
  const to = one(params.to);
  const cursor = one(params.cursor);
  const filters: ActivityFilters = {
    actor: one(params.actor)?.slice(0, 320),
    action: one(params.action)?.slice(0, 80),
    targetType: one(params.targetType)?.slice(0, 40),
    targetId: one(params.targetId)?.slice(0, 200),
    from: from && isDay(from) ? from : undefined,
    to: to && isDay(to) ? to : undefined,
  };
  const validCursor = cursor && CURSOR.test(cursor) ? cursor : undefined;
  return {
    filters,
    cursor: validCursor,
    // A trail only means something under a cursor; a broken one is dropped whole.
    newer: validCursor
      ? all(params.newer)
          .filter((c) => CURSOR.test(c))
          .slice(-NEWER_TRAIL_MAX)
      : [],
  };
}

export function isFiltered(filters: ActivityFilters): boolean {
  return FILTER_KEYS.some((key) => filters[key] !== undefined);
}

/** The `activity.list` input for a view: days become the instants that bound them, in UTC. */
export function listQueryOf(view: ActivityView, limit = ACTIVITY_PAGE_SIZE): ActivityListQuery {
  const f = view.filters;
  return {
    ...(f.actor ? { actor: f.actor } : {}),
    ...(f.action ? { action: f.action } : {}),
    ...(f.targetType ? { targetType: f.targetType } : {}),
    ...(f.targetId ? { targetId: f.targetId } : {}),
    ...(f.from ? { from: `${f.from}T00:00:00.000Z` } : {}),
    ...(f.to ? { to: `${f.to}T23:59:59.999Z` } : {}),
    ...(view.cursor ? { cursor: view.cursor } : {}),
    limit,
  };
}

/** The address of a view: the filters in a fixed order, then the paging position. */
export function activityHref(view: ActivityView): string {
  const params = new URLSearchParams();
  for (const key of FILTER_KEYS) {
    const value = view.filters[key];
    if (value) params.set(key, value);
  }
  if (view.cursor) {
    for (const c of view.newer) params.append("newer", c);
    params.set("cursor", view.cursor);
  }
  const query = params.toString();
  return query ? `/activity?${query}` : "/activity";
}

/** The next, older page, starting at `nextCursor` (the current page is remembered for "Newer"). */
export function olderHref(view: ActivityView, nextCursor: string): string {
  const newer = view.cursor ? [...view.newer, view.cursor].slice(-NEWER_TRAIL_MAX) : [];
  return activityHref({ filters: view.filters, cursor: nextCursor, newer });
}

/** The page before this one, newer; null on the first page. */
export function newerHref(view: ActivityView): string | null {
  if (!view.cursor) return null;
  return activityHref({ filters: view.filters, cursor: view.newer.at(-1), newer: view.newer.slice(0, -1) });
}

/** The first, newest page with the same filters. */
export function newestHref(view: ActivityView): string {
  return activityHref({ filters: view.filters, newer: [] });
}
