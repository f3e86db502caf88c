// The identity service on a freshly migrated test database, its procedures reached through the tRPC
// caller as a given principal — exactly the context the HTTP server builds from a verified token.
import { randomBytes } from "node:crypto";
import type { Principal } from "@emporium/auth";
import type { Database } from "@emporium/db";
import type { TestDatabaseTarget } from "@emporium/db/testing";
import type { EventBus } from "@emporium/messaging";
import { createLogger, createServiceMetrics } from "@emporium/observability";
import { requestAs, testLimiter } from "@emporium/service-kit/testing";
import { DevMailbox } from "../src/adapters/memory/dev-mailbox";
import { appRouter } from "../src/api/router/_app";
import type { Account } from "../src/domain/types";
import type { IdentityMail } from "../src/ports/mailer";
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

/** Where the tests' links lead; nothing serves it. */
export const STOREFRONT_URL = "https://shop.test";

/** Mail kept in a dev mailbox the tests read (`readableMailbox`), links to STOREFRONT_URL, valid an hour. */
export function testMail(mailer = new DevMailbox("Emporium <no-reply@shop.test>")): IdentityMail & {
  readableMailbox: DevMailbox;
} {
  return { mailer, readableMailbox: mailer, storefrontUrl: STOREFRONT_URL, confirmationTtlSeconds: 3600 };
}

/** The token of the confirmation link in the newest mail to `email`; throws when there is none. */
export function confirmationTokenIn(mailbox: DevMailbox, email: string): string {
  const text = mailbox.recent(email)[0]?.text ?? "";
  const token = /\/account\/confirm\?token=([\w-]+)/.exec(text)?.[1];
  if (!token) throw new Error(`no confirmation link in the newest mail to ${email}`);
  return token;
}

export interface IdentityFixture {
  db: Database;
  /** Every mail the service sent. */
  mailbox: DevMailbox;
  service: IdentityService;
  tokenKey: Uint8Array;
  /**
   * A caller acting as `principal` (anonymous by default), from `clientIp` (127.0.0.1 by default), in
   * the request `requestId` ("test" by default).
   */
  as(principal?: Principal, clientIp?: string, requestId?: string): Caller;
  /** Signs a shopper up and follows the mailed link, as they would; answers the confirmed account. */
  openAccount(input: { email: string; password: string; name: string }): Promise<Account>;
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
  const mail = testMail();
  const service = createIdentityService({
    db: test.db,
    log,
    metrics: createServiceMetrics("identity-test"),
    tokenKey,
    oidc: options.oidc,
    limits: options.limits ?? attemptLimits(),
    mail,
    events: options.events,
  });
  await service.start();
  const as = (principal = ANONYMOUS, clientIp?: string, requestId?: string) =>
    createCaller({
      ...service.base,
      ...requestAs(principal, { ...(clientIp ? { clientIp } : {}), ...(requestId ? { requestId } : {}) }),
    });
  return {
    db: test.db,
    mailbox: mail.readableMailbox,
    service,
    tokenKey,
    as,
    async openAccount(input) {
      const { email } = await as().auth.signUp(input);
      await as().auth.confirmEmail({ token: confirmationTokenIn(mail.readableMailbox, email) });
      const row = await test.db.prisma.user.findUniqueOrThrow({ where: { email } });
      return { id: row.id, email: row.email, name: row.name, role: row.staffRole };
    },
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
