// For suites that call procedures through a tRPC caller: the per-request part of a context, as the
// HTTP server would build it from a verified token naming `principal` (from `clientIp`, 127.0.0.1
// unless a suite about limits per address says otherwise), and the refusal a call met. For suites about
// the staff audit log: a router's mutations, and the one audit event a staff call wrote.
import { TRPCError, type TRPC_ERROR_CODE_KEY } from "@trpc/server";
import type { Principal } from "@emporium/auth";
import type { AuditScope, StaffAction } from "@emporium/contracts";
import type { StaffPrincipal } from "./trpc";
import { MemoryRateLimiter, type RateLimiter } from "@emporium/rate-limit";
import type { RequestContext } from "./server";

/** The trace id in the traceparent of every request `requestAs` builds (audit events carry it). */
export const TEST_TRACE_ID = "0af7651916cd43dd8448eb211c80319c";

export function requestAs(
  principal: Principal,
  { requestId = "test", clientIp = "127.0.0.1" }: { requestId?: string; clientIp?: string } = {},
): Omit<RequestContext, "log"> {
  return {
    requestId,
    clientIp,
    traceparent: `00-${TEST_TRACE_ID}-b7ad6b7169203331-01`,
    principal: () => Promise.resolve(principal),
  };
}

let limiters = 0;
/**
 * An in-process limiter of `attempts` per `windowSeconds`, counted on its own; by default too generous
 * to be met, for suites that are not about limits (they sign in and place orders many times).
 */
export function testLimiter(attempts = 1_000_000, windowSeconds = 60): RateLimiter {
  return new MemoryRateLimiter({
    points: attempts,
    durationSeconds: windowSeconds,
    keyPrefix: `t${++limiters}`,
  });
}

/**
 * The TRPCError `call` was refused with (checking its code when one is given); throws when the call
 * succeeded or failed with anything but a TRPCError, so a test cannot pass by accident.
 */
export async function refusal(call: Promise<unknown>, code?: TRPC_ERROR_CODE_KEY): Promise<TRPCError> {
  const outcome = await call.then(
    () => ({ refused: false as const }),
    (err: unknown) => ({ refused: true as const, err }),
  );
  if (!outcome.refused) throw new Error(`expected the call to be refused${code ? ` with ${code}` : ""}`);
  if (!(outcome.err instanceof TRPCError)) throw outcome.err;
  if (code && outcome.err.code !== code)
    throw new Error(`expected ${code}, got ${outcome.err.code}: ${outcome.err.message}`);
  return outcome.err;
}

/**
 * The paths of a router's mutations that start with `prefix` ("admin."), sorted: what a suite checking
 * that every staff change is audited walks, so a new mutation without a test fails it.
 */
export function mutationPaths(router: { _def: { procedures: object } }, prefix = ""): string[] {
  // The router's flat map of procedures by path (its declared type is the nested one).
  const isMutation = (p: unknown) =>
    (typeof p === "function" || (typeof p === "object" && p !== null)) &&
    "_def" in p &&
    typeof p._def === "object" &&
    p._def !== null &&
    "type" in p._def &&
    p._def.type === "mutation";
  return Object.entries(router._def.procedures)
    .filter(([path, p]) => path.startsWith(prefix) && isMutation(p))
    .map(([path]) => path)
    .sort();
}

/**
 * The one audit event of a staff call made through `requestAs(staff, { requestId })`; throws unless
 * there is exactly one and it names the service, the staff member (id, email, role), the request and
 * its trace.
 */
export function soleStaffAction(
  events: readonly StaffAction[],
  expected: { service: string; staff: StaffPrincipal; requestId: string },
): StaffAction {
  const [event, ...more] = events;
  if (!event || more.length > 0)
    throw new Error(
      `expected one audit event, got ${events.length}: ${events.map((e) => e.action).join(", ")}`,
    );
  const { staff } = expected;
  const wrong = [
    event.service !== expected.service && `service ${event.service}`,
    (event.actor.userId !== staff.userId ||
      event.actor.email !== staff.email ||
      event.actor.role !== staff.role) &&
      `actor ${JSON.stringify(event.actor)}`,
    event.requestId !== expected.requestId && `request ${event.requestId}`,
    event.traceId !== TEST_TRACE_ID && `trace ${String(event.traceId)}`,
  ].filter(Boolean);
  if (wrong.length > 0)
    throw new Error(
      `the audit event ${event.action} names ${wrong.join(", ")}; expected ${expected.service}, ${staff.email} (${staff.role}), request ${expected.requestId}`,
    );
  return event;
}

/**
 * A scope the audit contract refuses (its service is not a service name): a store given it cannot build
 * its audit event, so its change must fail and leave nothing behind.
 */
export function unwritableAuditScope(staff: StaffPrincipal): AuditScope {
  return {
    service: "Not A Service",
    actor: { userId: staff.userId, email: staff.email, role: staff.role },
    requestId: "audit-unwritable",
  };
}
