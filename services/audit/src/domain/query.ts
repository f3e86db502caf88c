// What staff look for in the audit log, and the one order it is listed in: newest first, then by id
// (descending) among changes made in the same millisecond. A page starts strictly after the last entry
// of the one before (keyset paging), so entries arriving meanwhile never shift or repeat a page. These
// functions are the rules both stores keep: the memory store runs them, the MongoDB store says the same
// as a query (adapters/mongo/mongo-audit-log.ts), and one contract suite holds both to them.
import type { AuditEntry } from "./entry";

/** Entries on a page unless the caller asks for fewer or more. */
export const DEFAULT_PAGE_SIZE = 50;
/** The most entries one page holds. */
export const PAGE_SIZE_MAX = 100;

export interface ActivityFilter {
  /** The actor's email, or its beginning, in any case ("alice@", "ALICE@SHOP.TEST"). */
  actor?: string | undefined;
  /** An action name, exactly ("product.price-changed"). */
  action?: string | undefined;
  targetType?: string | undefined;
  targetId?: string | undefined;
  /** Changes made at or after this instant (ISO 8601). */
  from?: string | undefined;
  /** Changes made at or before this instant (ISO 8601). */
  to?: string | undefined;
}

/** Where a page starts: strictly after the entry at (`at`, `id`) in the listing's order. */
export interface ActivityCursor {
  at: string;
  id: string;
}

export interface ActivityPageRequest {
  limit: number;
  after: ActivityCursor | null;
}

export interface ActivityPage {
  items: AuditEntry[];
  /** Where the next page starts, or null when this one holds the last entry. */
  next: ActivityCursor | null;
}

const instant = (iso: string) => new Date(iso).getTime();

/** Whether `entry` is one of those `filter` asks for. */
export function matches(entry: AuditEntry, filter: ActivityFilter): boolean {
  if (filter.actor !== undefined && !entry.actor.email.toLowerCase().startsWith(filter.actor.toLowerCase()))
    return false;
  if (filter.action !== undefined && entry.action !== filter.action) return false;
  if (filter.targetType !== undefined && entry.target.type !== filter.targetType) return false;
  if (filter.targetId !== undefined && entry.target.id !== filter.targetId) return false;
  const at = instant(entry.at);
  if (filter.from !== undefined && at < instant(filter.from)) return false;
  if (filter.to !== undefined && at > instant(filter.to)) return false;
  return true;
}

/** The listing's order, as a comparator: newest first, then the greater id first. */
export function newestFirst(a: AuditEntry, b: AuditEntry): number {
  const byTime = instant(b.at) - instant(a.at);
  if (byTime !== 0) return byTime;
  return a.id < b.id ? 1 : a.id > b.id ? -1 : 0;
}

/** Whether `entry` comes strictly after `cursor` in the listing's order. */
export function comesAfter(entry: AuditEntry, cursor: ActivityCursor): boolean {
  const at = instant(entry.at);
  const c = instant(cursor.at);
  return at < c || (at === c && entry.id < cursor.id);
}

export function cursorOf(entry: AuditEntry): ActivityCursor {
  return { at: entry.at, id: entry.id };
}

/**
 * The page `request` asks for out of `matching` (the entries one more than a page's worth, or more, in
 * the listing's order, all after the cursor): at most `limit` of them, and where the next page starts.
 */
export function pageOf(matching: readonly AuditEntry[], limit: number): ActivityPage {
  const items = matching.slice(0, limit);
  const last = items.at(-1);
  return { items, next: matching.length > limit && last ? cursorOf(last) : null };
}
