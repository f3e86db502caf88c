// Reading the audit log: staff activity newest first, filtered by who, what, which target and when, a
// page at a time with an opaque cursor. The filter is checked as a whole here (a `from` after `to` is
// refused naming `from`); the cursor is decoded before any store sees it.
import { InvalidInputError } from "@emporium/service-kit/errors";
import { decodeCursor, encodeCursor } from "../domain/cursor";
import type { AuditEntry } from "../domain/entry";
import type { ActivityFilter } from "../domain/query";
import type { AuditDeps } from "./deps";

export interface ActivityQuery extends ActivityFilter {
  cursor?: string | undefined;
  limit: number;
}

export interface ActivityList {
  items: AuditEntry[];
  /** Hand back as `cursor` for the next page; null on the last. */
  nextCursor: string | null;
}

export async function listActivity(d: AuditDeps, q: ActivityQuery): Promise<ActivityList> {
  if (q.from !== undefined && q.to !== undefined && Date.parse(q.from) > Date.parse(q.to))
    throw new InvalidInputError("from", `must not be after to (${q.to})`);
  const after = q.cursor !== undefined ? decodeCursor(q.cursor) : null;
  const filter: ActivityFilter = {
    actor: q.actor,
    action: q.action,
    targetType: q.targetType,
    targetId: q.targetId,
    from: q.from,
    to: q.to,
  };
  const page = await d.auditLog.list(filter, { limit: q.limit, after });
  return { items: page.items, nextCursor: page.next ? encodeCursor(page.next) : null };
}

/** The action names stored so far, sorted: what the admin's action filter offers. */
export function storedActions(d: AuditDeps): Promise<string[]> {
  return d.auditLog.actions();
}
