// The identity service on a freshly migrated test database, its procedures reached through the tRPC
// caller as a given principal — exactly the context the HTTP server builds from a verified token.
import { randomBytes } from "node:crypto";
import type { Principal } from "@emporium/auth";
import type { Database } from "@emporium/db";
import type { TestDatabaseTarget } from "@emporium/db/testing";
import type { EventBus } from "@emporium/messaging";
import { createLogger, createServiceMetrics } from "@emporium/observability";
import { requestAs, testLimiter } from "@emporium/service-kit/testing";
import { appRouter } from "../src/api/router/_app";
import { createIdentityService, type IdentityService } from "../src/service";
import { createCallerFactory } from "../src/api/trpc";
import type { AttemptLimits } from "../src/ports/attempt-limits";

export const log = createLogger({ service: "identity-test", level: process.env.TEST_LOG_LEVEL ?? "silent" });

const createCaller = createCallerFactory(appRouter);
export type Caller = ReturnType<typeof createCaller>;

export const ANONYMOUS: Principal = { kind: "anonymous" };

/**
 * In-process limiters allowing `signIn` attempts per account and `signUp` per email in `windowSeconds`
 * (and, unless given, as many per address and staff changes as no suite reaches). Suites that are not
 * about the limits get generous ones: they sign in to the same accounts many times.
 */
export function attemptLimits(
  signIn = 1_000,
  signUp = 1_000,
  windowSeconds = 900,
  { signInPerIp = 1_000_000, staffMutations = 1_000_000 } = {},
): AttemptLimits {
  return {
    signIn: testLimiter(signIn, windowSeconds),
    signInPerIp: testLimiter(signInPerIp, windowSeconds),
    signUp: testLimiter(signUp, windowSeconds),
    staffMutations: testLimiter(staffMutations, 60),
  };
}

export interface IdentityFixture {
  db: Database;
  service: IdentityService;
  tokenKey: Uint8Array;
  /**
   * A caller acting as `principal` (anonymous by default), from `clientIp` (127.0.0.1 by default), in
   * the request `requestId` ("test" by default).
   */
  as(principal?: Principal, clientIp?: string, requestId?: string): Caller;
  dispose(): Promise<void>;
}

export async function createIdentityFixture(
  target: TestDatabaseTarget,
  options: {
    oidc?: { issuer: string; clientIds: string[] };
    limits?: AttemptLimits;
    /** Where the outbox relay publishes; without one, audit events stay in identity.outbox. */
    events?: EventBus;
  } = {},
): Promise<IdentityFixture> {
  const test = await target.create();
  const tokenKey = new Uint8Array(randomBytes(32));
  const service = createIdentityService({
    db: test.db,
    log,
    metrics: createServiceMetrics("identity-test"),
    tokenKey,
    oidc: options.oidc,
    limits: options.limits ?? attemptLimits(),
    events: options.events,
  });
  await service.start();
  return {
    db: test.db,
    service,
    tokenKey,
    as: (principal = ANONYMOUS, clientIp?: string, requestId?: string) =>
      createCaller({
        ...service.base,
        ...requestAs(principal, { ...(clientIp ? { clientIp } : {}), ...(requestId ? { requestId } : {}) }),
      }),
    async dispose() {
      await service.stop();
      await test.dispose();
    },
  };
}

/** A staff principal for an account (as the apps would name it in a token after its sign-in). */
export function staff(account: { id: string; email: string; role: string | null }): Principal {
  if (account.role !== "owner" && account.role !== "manager" && account.role !== "support")
    throw new Error(`${account.email} is not on the staff`);
  return { kind: "staff", userId: account.id, email: account.email, role: account.role };
}

let n = 0;
/** A fresh address for each call, so tests on one database do not collide. */
export function uniqueEmail(prefix = "person"): string {
  return `${prefix}-${process.pid}-${++n}-${randomBytes(3).toString("hex")}@example.com`;
}

export { refusal } from "@emporium/service-kit/testing";
