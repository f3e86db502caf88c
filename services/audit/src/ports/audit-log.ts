// The staff audit log as the service needs it: append-only. An entry, once stored, is never changed or
// removed — this port has no method that could, and neither adapter has one (a test asserts it). It is
// read newest first, filtered, a page at a time.
import type { AuditEntry } from "../domain/entry";
import type { ActivityFilter, ActivityPage, ActivityPageRequest } from "../domain/query";

export interface AuditLog {
  /**
   * Stores `entry` under its id. The same id again (a redelivered event) stores nothing and is no
   * error: "duplicate". Throws UnavailableError while the store cannot be reached, so the event is
   * delivered again later.
   */
  append(entry: AuditEntry): Promise<"stored" | "duplicate">;
  /** The entries `filter` asks for, newest first, one page after `page.after`. */
  list(filter: ActivityFilter, page: ActivityPageRequest): Promise<ActivityPage>;
  /** Every action name stored, sorted (for the admin's filter). */
  actions(): Promise<string[]>;
  /** "MongoDB database emporium_audit at mongodb://host:27017", "in memory". */
  readonly description: string;
  /** Resolves when the store answers; throws UnavailableError otherwise (the /readyz check). */
  ping(): Promise<void>;
  close(): Promise<void>;
}
