// The staff audit log's one fact: a staff member changed something. Every service that lets staff change
// anything writes one of these into its outbox in the same transaction as the change (or, for a document
// store, in the same document write), and the audit service stores each exactly once.
import { z } from "zod";
import { createEnvelope, defineMessage, type Envelope } from "./envelope";

/** An action's name: the target's kind, then what happened to it ("product.price-changed"). */
export const AUDIT_ACTION = /^[a-z]+(?:-[a-z]+)*\.[a-z]+(?:-[a-z]+)*$/;
/** A target's kind ("product", "variant", "order", "staff-member", "review"). */
export const AUDIT_TARGET_TYPE = /^[a-z]+(?:-[a-z]+)*$/;
/** The longest text a before or after value keeps; a longer one is cut, and says so. */
export const AUDIT_VALUE_MAX_CHARS = 2_000;

const auditValue = z.union([z.string(), z.number(), z.boolean(), z.null(), z.array(z.string())]);
export type AuditValue = z.infer<typeof auditValue>;

export const auditChange = z.object({
  field: z.string().min(1).max(100),
  before: auditValue,
  after: auditValue,
});
export type AuditChange = z.infer<typeof auditChange>;

export const auditActor = z.object({
  userId: z.string().min(1).max(100),
  email: z.string().max(320),
  role: z.string().min(1).max(40),
});
export type AuditActor = z.infer<typeof auditActor>;

export const staffActionV1 = defineMessage(
  "audit.staff-action.v1",
  z.object({
    /** The service where the change was made ("catalog"). */
    service: z.string().regex(/^[a-z]+$/, "must be a service name such as catalog"),
    actor: auditActor,
    action: z.string().max(80).regex(AUDIT_ACTION, "must look like product.price-changed"),
    target: z.object({
      type: z.string().max(40).regex(AUDIT_TARGET_TYPE, "must look like staff-member"),
      id: z.string().min(1).max(200),
      /** What a person calls it (a product's title, an order's number), as it was at the time. */
      label: z.string().max(300).optional(),
    }),
    /** The fields that changed, each with its value before and after (null where there was none). */
    changes: z.array(auditChange).max(200),
    /** Why, where the staff member said (a cancellation's or a rejection's reason). */
    reason: z.string().max(2_000).optional(),
    requestId: z.string().min(1).max(100),
    /** The W3C trace id of the request that made the change. */
    traceId: z
      .string()
      .regex(/^[0-9a-f]{32}$/)
      .optional(),
  }),
);
export type StaffAction = z.output<typeof staffActionV1.schema>;

/** Who acted and in which request: what a staff procedure knows before it changes anything. */
export interface AuditScope {
  service: string;
  actor: AuditActor;
  requestId: string;
  traceparent?: string | undefined;
}

/** What a staff procedure did, in the terms of the thing it changed. */
export interface AuditRecord {
  action: string;
  target: { type: string; id: string; label?: string | undefined };
  /** The changed thing's fields before the change; null when it did not exist yet. */
  before: Readonly<Record<string, AuditValue | undefined>> | null;
  /** Its fields after the change; null when it no longer exists. */
  after: Readonly<Record<string, AuditValue | undefined>> | null;
  reason?: string | undefined;
}

function clip(value: AuditValue): AuditValue {
  if (typeof value === "string" && value.length > AUDIT_VALUE_MAX_CHARS)
    return `${value.slice(0, AUDIT_VALUE_MAX_CHARS)}… (${value.length} characters in all)`;
  return value;
}

function same(a: AuditValue, b: AuditValue): boolean {
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((v, i) => v === b[i]);
  return a === b;
}

/**
 * The fields whose values differ between `before` and `after`, in the order they are first named; a
 * field missing on one side counts as null there. Long texts are clipped to AUDIT_VALUE_MAX_CHARS.
 */
export function auditChanges(before: AuditRecord["before"], after: AuditRecord["after"]): AuditChange[] {
  const fields = [...new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})])];
  const changes: AuditChange[] = [];
  for (const field of fields) {
    const was = before?.[field] ?? null;
    const is = after?.[field] ?? null;
    if (!same(was, is)) changes.push({ field, before: clip(was), after: clip(is) });
  }
  return changes;
}

/** The trace id inside a W3C traceparent ("00-<trace id>-<span id>-<flags>"), if it holds one. */
export function traceIdOf(traceparent: string | undefined): string | undefined {
  const traceId = traceparent?.split("-")[1];
  return traceId && /^[0-9a-f]{32}$/.test(traceId) && !/^0+$/.test(traceId) ? traceId : undefined;
}

/**
 * The audit event of one staff change, keyed by its target (so one target's history stays in order).
 * `occurredAt` is when the change was made; a record that changed nothing still says who tried what.
 */
export function staffActionEnvelope(
  scope: AuditScope,
  record: AuditRecord,
  occurredAt = new Date(),
): Envelope<StaffAction> {
  const traceId = traceIdOf(scope.traceparent);
  return createEnvelope(
    staffActionV1,
    `${record.target.type}:${record.target.id}`,
    {
      service: scope.service,
      actor: scope.actor,
      action: record.action,
      target: {
        type: record.target.type,
        id: record.target.id,
        ...(record.target.label ? { label: record.target.label.slice(0, 300) } : {}),
      },
      changes: auditChanges(record.before, record.after),
      ...(record.reason ? { reason: record.reason.slice(0, 2_000) } : {}),
      requestId: scope.requestId,
      ...(traceId ? { traceId } : {}),
    },
    { occurredAt, traceparent: scope.traceparent },
  );
}
