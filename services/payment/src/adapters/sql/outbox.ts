// The payments schema's outbox table as an EventOutbox, for writes outside a consumer's transaction
// (the provider-status reporter); consumers enqueue inside their own transaction instead.
import type { Database } from "@emporium/db";
import { enqueue } from "@emporium/messaging";
import type { EventOutbox } from "../../ports/event-outbox";

export function sqlEventOutbox(db: Database): EventOutbox {
  return { append: (messages) => enqueue(db.sql, "payments", messages) };
}
