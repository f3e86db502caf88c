// One line of the staff audit log: a staff member changed something, as the audit.staff-action.v1 event
// told it, kept exactly as received. Its id is the event's id, so the same event delivered twice is one
// entry; `at` is when the change was made (the event's occurredAt), not when it arrived here.
import type { AuditValue, Envelope, StaffAction } from "@emporium/contracts";

export interface AuditEntry {
  /** The event's id. */
  id: string;
  /** When the change was made (ISO 8601, UTC). */
  at: string;
  /** The service the change was made in ("catalog"). */
  service: string;
  actor: { userId: string; email: string; role: string };
  /** The target's kind, then what happened to it ("product.price-changed"). */
  action: string;
  target: { type: string; id: string; label?: string };
  /** The fields that changed, each with its value before and after. */
  changes: { field: string; before: AuditValue; after: AuditValue }[];
  /** Why, where the staff member said. */
  reason?: string;
  requestId: string;
  traceId?: string;
}

/** The entry an audit event makes: the event's data, its id and its time, nothing added or dropped. */
export function entryOf(envelope: Envelope<StaffAction>): AuditEntry {
  const d = envelope.data;
  return {
    id: envelope.id,
    at: new Date(envelope.occurredAt).toISOString(),
    service: d.service,
    actor: { userId: d.actor.userId, email: d.actor.email, role: d.actor.role },
    action: d.action,
    target: {
      type: d.target.type,
      id: d.target.id,
      ...(d.target.label !== undefined ? { label: d.target.label } : {}),
    },
    changes: d.changes.map((c) => ({
      field: c.field,
      before: Array.isArray(c.before) ? [...c.before] : c.before,
      after: Array.isArray(c.after) ? [...c.after] : c.after,
    })),
    ...(d.reason !== undefined ? { reason: d.reason } : {}),
    requestId: d.requestId,
    ...(d.traceId !== undefined ? { traceId: d.traceId } : {}),
  };
}
