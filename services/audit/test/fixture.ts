// The audit service on a given audit log, reached through the tRPC caller as a given principal (the
// context the HTTP server builds from a verified token), with an in-process event bus on which staff
// actions are announced as the other services' outbox relays announce them. And the staff actions
// themselves: valid audit.staff-action.v1 envelopes with whatever a test wants to vary.
import { randomBytes, randomUUID } from "node:crypto";
import { ANONYMOUS, type Principal } from "@emporium/auth";
import { createEnvelope, staffActionV1, TOPICS, type Envelope, type StaffAction } from "@emporium/contracts";
import { InProcessEventBus } from "@emporium/messaging";
import { createLogger, createServiceMetrics } from "@emporium/observability";
import { requestAs } from "@emporium/service-kit/testing";
import { appRouter } from "../src/api/router/_app";
import { createCallerFactory } from "../src/api/trpc";
import { entryOf, type AuditEntry } from "../src/domain/entry";
import type { AuditLog } from "../src/ports/audit-log";
import { createAuditService, type AuditService } from "../src/service";

export const log = createLogger({ service: "audit-test", level: process.env.TEST_LOG_LEVEL ?? "silent" });

const createCaller = createCallerFactory(appRouter);
export type Caller = ReturnType<typeof createCaller>;

export interface StaffActionSpec {
  id?: string;
  at?: Date;
  service?: string;
  actor?: Partial<StaffAction["actor"]>;
  action?: string;
  target?: StaffAction["target"];
  changes?: StaffAction["changes"];
  reason?: string;
}

/** A valid audit.staff-action.v1 envelope: a manager changed a product's price, unless told otherwise. */
export function staffAction(spec: StaffActionSpec = {}): Envelope<StaffAction> {
  const target = spec.target ?? { type: "product", id: randomUUID(), label: "Linen shirt" };
  return createEnvelope(
    staffActionV1,
    `${target.type}:${target.id}`,
    {
      service: spec.service ?? "catalog",
      actor: {
        userId: spec.actor?.userId ?? randomUUID(),
        email: spec.actor?.email ?? "manager@shop.test",
        role: spec.actor?.role ?? "manager",
      },
      action: spec.action ?? "product.price-changed",
      target,
      changes: spec.changes ?? [{ field: "priceCents", before: 1200, after: 1500 }],
      ...(spec.reason !== undefined ? { reason: spec.reason } : {}),
      requestId: `req-${randomUUID().slice(0, 8)}`,
      traceId: randomBytes(16).toString("hex"),
    },
    { ...(spec.id ? { id: spec.id } : {}), occurredAt: spec.at ?? new Date() },
  );
}

/** The entry `spec`'s staff action makes (what the store holds after the event is consumed). */
export function entry(spec: StaffActionSpec = {}): AuditEntry {
  return entryOf(staffAction(spec));
}

export interface AuditFixture {
  service: AuditService;
  auditLog: AuditLog;
  events: InProcessEventBus;
  /** Verifies the service tokens of HTTP calls (sign them with signServiceToken). */
  tokenKey: Uint8Array;
  /** A caller acting as `principal` (anonymous by default). */
  as(principal?: Principal): Caller;
  /** Announces staff actions on the audit topic, as the services' outbox relays do. */
  announce(...envelopes: Envelope[]): Promise<void>;
  dispose(): Promise<void>;
}

export async function createAuditFixture(
  auditLog: AuditLog,
  disposeLog: () => Promise<void> = () => auditLog.close(),
): Promise<AuditFixture> {
  const events = new InProcessEventBus(log, { delaysMs: [20, 50, 100] });
  const tokenKey = new Uint8Array(randomBytes(32));
  const service = createAuditService({
    auditLog,
    events,
    log,
    metrics: createServiceMetrics("audit-test"),
    tokenKey,
  });
  await service.start();
  return {
    service,
    auditLog,
    events,
    tokenKey,
    as: (principal = ANONYMOUS) => createCaller({ ...service.base, ...requestAs(principal) }),
    announce: (...envelopes) =>
      events.publish(envelopes.map((envelope) => ({ topic: TOPICS.audit, envelope }))),
    async dispose() {
      await service.stop();
      await events.close();
      await disposeLog();
    },
  };
}

export { refusal } from "@emporium/service-kit/testing";
