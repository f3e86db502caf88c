// The audit service as a unit: the staff audit log (MongoDB or memory), the HTTP server owners read it
// through, and the consumer that stores every service's staff actions from the audit topic. Built by this
// service's main.ts or by the all-in-one development host.
import { TOPICS } from "@emporium/contracts";
import { measureConsumerLag, type EventBus, type Subscription } from "@emporium/messaging";
import type { Logger, ServiceMetrics } from "@emporium/observability";
import {
  createServiceServer,
  type ContextBase,
  type Readiness,
  type ServiceServer,
} from "@emporium/service-kit";
import { defaultServiceLimits } from "@emporium/service-kit/limits";
import { MemoryAuditLog } from "./adapters/memory/memory-audit-log";
import { MongoAuditLog } from "./adapters/mongo/mongo-audit-log";
import { appRouter } from "./api/router/_app";
import type { AuditContext } from "./api/trpc";
import { staffActionConsumer } from "./consumers/staff-action";
import type { AuditLog } from "./ports/audit-log";

/** The consumer group every instance shares: each staff action is handled by one of them. */
export const AUDIT_CONSUMER_GROUP = "audit-log";

export interface AuditServiceDeps {
  auditLog: AuditLog;
  /** Where staff actions arrive (the audit topic); without a bus nothing new is recorded. */
  events?: EventBus | undefined;
  log: Logger;
  metrics: ServiceMetrics;
  /** Verifies the service tokens the admin sends for staff (see @emporium/auth). */
  tokenKey: Uint8Array;
  /** The consumer group and topic (default "audit-log" on the audit topic); tests use their own. */
  consumer?: { group?: string; topic?: string };
}

export interface AuditService {
  server: ServiceServer;
  readiness: Readiness;
  /** What each request's context is built from (tests call procedures with it). */
  base: ContextBase<AuditContext>;
  start(): Promise<void>;
  stop(): Promise<void>;
}

export function createAuditService(d: AuditServiceDeps): AuditService {
  if (d.events) measureConsumerLag(d.metrics.registry, d.events);
  const readiness: Readiness = { ready: false, detail: "starting" };
  const base: ContextBase<AuditContext> = {
    auditLog: d.auditLog,
    log: d.log,
    metrics: d.metrics,
    readiness,
    // No procedure changes anything, so the limit on staff changes is never spent; the kit wants one.
    limits: defaultServiceLimits(),
  };
  const server = createServiceServer({
    router: appRouter,
    log: d.log,
    metrics: d.metrics,
    tokenKey: d.tokenKey,
    readiness,
    // Optional: while MongoDB is down the service stays in rotation, answers each call with a clear 503,
    // and staff actions wait on the event bus until it is back.
    checks: [{ name: "document store", check: () => d.auditLog.ping(), optional: true }],
    // The log names staff and what they did: no shared cache keeps any answer.
    headers: { "cache-control": "no-store" },
    createContext: (request) => ({ ...base, ...request }),
  });

  let subscription: Subscription | null = null;
  return {
    server,
    readiness,
    base,
    async start() {
      if (d.events) {
        subscription = await d.events.subscribe({
          group: d.consumer?.group ?? AUDIT_CONSUMER_GROUP,
          topics: [d.consumer?.topic ?? TOPICS.audit],
          // A new installation records every staff action still retained, not only those from now on.
          fromBeginning: true,
          handle: staffActionConsumer({ auditLog: d.auditLog, log: d.log }),
        });
      } else d.log.warn("no event bus: no staff action is recorded (what is stored can still be read)");
      readiness.ready = true;
      readiness.detail = "ready";
    },
    async stop() {
      readiness.ready = false;
      readiness.detail = "shutting down";
      await subscription?.stop();
      subscription = null;
    },
  };
}

export interface AuditLogOptions {
  /** MongoDB, or undefined for the in-memory log. */
  mongoUrl?: string | undefined;
  mongoDb: string;
  log: Logger;
  /** How long an operation waits for an unreachable server before giving up (default 2 s). */
  timeoutMs?: number;
}

/** The audit log the configuration names: MongoDB when a URL is given, memory otherwise. */
export function openAuditLog(o: AuditLogOptions): AuditLog {
  if (!o.mongoUrl) return new MemoryAuditLog();
  return new MongoAuditLog({
    url: o.mongoUrl,
    dbName: o.mongoDb,
    log: o.log,
    ...(o.timeoutMs ? { serverSelectionTimeoutMs: o.timeoutMs } : {}),
  });
}

export type { AuditLog } from "./ports/audit-log";
