// The embedded audit log (`npm run dev` without MONGO_URL): entries in this process's memory, held to
// the same contract as MongoDB's (test/audit-log.contract.ts). Copies go in and out, so nothing a caller
// holds can change what is stored.
import type { AuditEntry } from "../../domain/entry";
import {
  comesAfter,
  matches,
  newestFirst,
  pageOf,
  type ActivityFilter,
  type ActivityPage,
  type ActivityPageRequest,
} from "../../domain/query";
import type { AuditLog } from "../../ports/audit-log";

const copy = (entry: AuditEntry): AuditEntry => structuredClone(entry);

export class MemoryAuditLog implements AuditLog {
  private readonly entries = new Map<string, AuditEntry>();
  readonly description = "in memory (nothing survives a restart)";

  async append(entry: AuditEntry): Promise<"stored" | "duplicate"> {
    if (this.entries.has(entry.id)) return "duplicate";
    this.entries.set(entry.id, copy(entry));
    return "stored";
  }

  async list(filter: ActivityFilter, page: ActivityPageRequest): Promise<ActivityPage> {
    const { after } = page;
    const matching = [...this.entries.values()]
      .filter((e) => matches(e, filter) && (after === null || comesAfter(e, after)))
      .sort(newestFirst);
    const result = pageOf(matching, page.limit);
    return { ...result, items: result.items.map(copy) };
  }

  async actions(): Promise<string[]> {
    return [...new Set([...this.entries.values()].map((e) => e.action))].sort();
  }

  async ping(): Promise<void> {}

  async close(): Promise<void> {}
}
