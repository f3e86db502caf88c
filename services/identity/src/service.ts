// The identity service as a unit: the account store, the limits on sign-in and sign-up attempts, the
// HTTP server, and the relay that publishes its outbox (staff changes' audit events). Built by this
// service's main.ts or by the all-in-one development host.
import { decoyHash } from "@emporium/auth";
import type { Database } from "@emporium/db";
import { OutboxRelay, type EventBus } from "@emporium/messaging";
import { measureDbPool, type Logger, type ServiceMetrics } from "@emporium/observability";
import { schemaCheck } from "@emporium/runtime";
import {
  createServiceServer,
  type ContextBase,
  type Readiness,
  type ServiceServer,
} from "@emporium/service-kit";
import { createLimiters } from "@emporium/service-kit/limits";
import { Counter } from "prom-client";
import { JoseOidcVerifier } from "./adapters/oidc/jose-oidc-verifier";
import { DevMailbox } from "./adapters/memory/dev-mailbox";
import { PrismaUserStore } from "./adapters/prisma/prisma-user-store";
import { SmtpMailer } from "./adapters/smtp/smtp-mailer";
import { appRouter } from "./api/router/_app";
import type { Context } from "./api/trpc";
import { ensureDevAccounts as ensureDevAccountsIn } from "./app/dev-accounts";
import type { AttemptLimitsConfig, MailConfig } from "./env";
import type { AttemptLimits } from "./ports/attempt-limits";
import type { IdentityMail } from "./ports/mailer";

export interface IdentityServiceDeps {
  db: Database;
  log: Logger;
  metrics: ServiceMetrics;
  /** Verifies the service tokens the apps send for signed-in users (see @emporium/auth). */
  tokenKey: Uint8Array;
  /** Single sign-on: the OpenID Connect provider the apps sign people in with, when there is one. */
  oidc?: { issuer: string; clientIds: string[] } | undefined;
  /** Attempts per account and address (sign-in), per email (sign-up), per staff member (changes). */
  limits: AttemptLimits;
  /** The mailer (SMTP or the dev mailbox) and the links' settings; see createMail. */
  mail: IdentityMail;
  /**
   * Where the outbox is published (the audit events of staff changes). Without one they wait in
   * identity.outbox, and are published once the service runs with a bus.
   */
  events?: EventBus | undefined;
}

export interface IdentityService {
  server: ServiceServer;
  readiness: Readiness;
  /** What each request's context is built from (tests call procedures with it). */
  base: ContextBase<Context>;
  /** Call once the identity schema exists (after the migrations): the service then answers. */
  start(): Promise<void>;
  /** Stops answering and the outbox relay (before the database is closed). */
  stop(): Promise<void>;
}

/** The table every request reads: /readyz fails while it cannot be read. */
export const IDENTITY_TABLE = "identity.users";
/** The identity table the migrations create last: a process waits for it before it starts. */
export const IDENTITY_LAST_TABLE = "identity.email_confirmations";

export function createIdentityService(d: IdentityServiceDeps): IdentityService {
  measureDbPool(d.metrics.registry, d.db);
  const readiness: Readiness = { ready: false, detail: "starting" };
  const base: ContextBase<Context> = {
    users: new PrismaUserStore(d.db),
    oidc: d.oidc ? new JoseOidcVerifier(d.oidc) : null,
    limits: d.limits,
    mail: d.mail,
    log: d.log,
    metrics: d.metrics,
    readiness,
    signIns: new Counter({
      name: "identity_sign_ins_total",
      help: "Sign-in attempts, by outcome (ok, refused, limited)",
      labelNames: ["outcome"],
      registers: [d.metrics.registry],
    }),
  };
  const server = createServiceServer({
    router: appRouter,
    log: d.log,
    metrics: d.metrics,
    tokenKey: d.tokenKey,
    readiness,
    checks: [schemaCheck(d.db, IDENTITY_TABLE)],
    // Answers name people: nothing here may be kept by a shared cache.
    headers: { "cache-control": "no-store" },
    // A token that is present but not valid is refused with 401 before any procedure runs.
    verifyTokenFirst: true,
    createContext: (request) => ({ ...base, ...request }),
  });
  const relay = d.events
    ? new OutboxRelay({
        db: d.db,
        schema: "identity",
        events: d.events,
        log: d.log,
        metrics: d.metrics.registry,
      })
    : null;
  return {
    server,
    readiness,
    base,
    async start() {
      // Made now rather than on the first sign-in for an unknown email, which would otherwise take
      // twice as long as any other and so give itself away.
      await decoyHash();
      if (relay) await relay.start();
      else
        d.log.warn(
          "no event bus (KAFKA_BROKERS): staff changes' audit events wait in identity.outbox until identity runs with one",
        );
      readiness.ready = true;
      readiness.detail = "ready";
    },
    async stop() {
      readiness.ready = false;
      readiness.detail = "shutting down";
      await relay?.stop();
    },
  };
}

/**
 * The limiters `limits` configures (env.ts: attemptLimitsOf): in Redis when it names one, in this
 * process otherwise. Whoever makes them closes them, after the server has stopped.
 */
export function createAttemptLimits(
  config: AttemptLimitsConfig,
  log: Logger,
): AttemptLimits & { close(): Promise<void> } {
  return createLimiters("identity", config, log);
}

/**
 * The mailer `config` names: SMTP when it has a URL, the embedded dev mailbox otherwise — readable
 * through the API (devMailbox.recent) only when `readable`. Whoever makes it closes it.
 */
export function createMail(config: MailConfig, log: Logger, readable: boolean): IdentityMail {
  const settings = {
    storefrontUrl: config.storefrontUrl,
    confirmationTtlSeconds: config.confirmationTtlSeconds,
  };
  if (config.smtpUrl)
    return {
      ...settings,
      mailer: new SmtpMailer({ url: config.smtpUrl, from: config.from }),
      readableMailbox: null,
    };
  const mailbox = new DevMailbox(config.from, log);
  if (!readable)
    log.warn(
      "no SMTP_URL: mail stays in this process's dev mailbox, which nobody can read (IDENTITY_DEV_MAILBOX)",
    );
  return { ...settings, mailer: mailbox, readableMailbox: readable ? mailbox : null };
}

// For this service's main.ts and a development host composing identity: the local-only accounts,
// made on the given database through the account store.
export { DEV_ACCOUNTS } from "./app/dev-accounts";

/** Creates whichever development account is missing (see app/dev-accounts.ts); never on a real shop. */
export function ensureDevAccounts(db: Database, log: Logger): Promise<void> {
  return ensureDevAccountsIn(new PrismaUserStore(db), log);
}
