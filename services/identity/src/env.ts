// The identity service's configuration, validated once at start-up.
import path from "node:path";
import { z } from "zod";
import { env, loadEnvOrExit } from "@emporium/config";
import { checkKafkaSecurityEnv, kafkaSecurityEnvShape } from "@emporium/config/kafka";
import { databaseEnv } from "@emporium/db";
import { brokerEnv, logShippingEnvShape } from "@emporium/runtime";
import {
  limitEnv,
  limitOf,
  rateLimitEnvShape,
  type Limit,
  type LimitKeys,
} from "@emporium/service-kit/limits";
import { tracingEnvShape } from "@emporium/runtime/tracing";

/** A yes/no variable whose default depends on other settings: undefined when unset. */
const optionalFlag = () =>
  z
    .enum(["1", "0", "true", "false", "yes", "no"])
    .optional()
    .transform((v) => (v === undefined ? undefined : v === "1" || v === "true" || v === "yes"));

/**
 * Single sign-on, shared with the development host: the provider's issuer URL (exactly as its tokens
 * name it) and the client id(s) the apps are registered under, comma-separated. Both or neither.
 */
export const oidcEnvShape = {
  OIDC_ISSUER: env
    .httpUrl()
    .optional()
    .describe("Single sign-on: the OpenID Connect provider's issuer URL, exactly as its tokens name it."),
  OIDC_CLIENT_ID: z
    .string()
    .min(1)
    .max(500)
    .optional()
    .describe("The client ids the apps are registered under, comma-separated (with OIDC_ISSUER)."),
};

export function oidcConfigOf(e: { OIDC_ISSUER?: string | undefined; OIDC_CLIENT_ID?: string | undefined }) {
  if (!e.OIDC_ISSUER || !e.OIDC_CLIENT_ID) return undefined;
  const clientIds = e.OIDC_CLIENT_ID.split(",")
    .map((c) => c.trim())
    .filter(Boolean);
  return { issuer: e.OIDC_ISSUER, clientIds };
}

export const oidcBothOrNeither = {
  check: (e: { OIDC_ISSUER?: string | undefined; OIDC_CLIENT_ID?: string | undefined }) =>
    !e.OIDC_ISSUER === !e.OIDC_CLIENT_ID,
  params: {
    path: ["OIDC_CLIENT_ID"],
    message: "OIDC_ISSUER and OIDC_CLIENT_ID are set together, or neither",
  },
};

/**
 * Limits on attempts, shared with the development host: per account and per address for sign-in, per
 * email for sign-up, per staff member for changes; counted in Redis when REDIS_URL is set (every replica
 * draws on the same count) and in the process otherwise. A successful sign-in clears its account's count.
 */
export const attemptLimitsEnvShape = {
  ...rateLimitEnvShape,
  SIGN_IN_ATTEMPTS: env
    .positiveInt(10)
    .describe("Sign-in attempts per account per window; a successful sign-in starts the count again."),
  SIGN_IN_WINDOW_SECONDS: env
    .positiveInt(15 * 60)
    .describe("The sign-in window, from an account's first counted attempt."),
  ...limitEnv(
    "SIGN_IN_PER_IP",
    { attempts: 100, windowSeconds: 15 * 60 },
    {
      attempts:
        "Sign-in attempts per address (an IPv6 /64) per window, whichever accounts they are for; a sign-in does not reset it.",
      window: "The per-address sign-in window, from an address's first counted attempt.",
    },
  ),
  SIGN_UP_ATTEMPTS: env.positiveInt(5).describe("Sign-up attempts per email address per window."),
  SIGN_UP_WINDOW_SECONDS: env
    .positiveInt(60 * 60)
    .describe("The sign-up window, from an email's first attempt."),
};

/**
 * Mail, shared with the development host: sent through SMTP_URL when set, otherwise kept in the
 * embedded dev mailbox (nothing leaves the process). Links in mails lead to STOREFRONT_URL.
 */
export const mailEnvShape = {
  SMTP_URL: z
    .url({ protocol: /^smtps?$/, error: "must be an smtp:// or smtps:// URL" })
    .optional()
    .describe(
      "The SMTP server mail is sent through, smtp://[user:pass@]host:port (STARTTLS when offered) or smtps:// (TLS); unset: the embedded dev mailbox keeps mail in the process.",
    ),
  MAIL_FROM: z
    .string()
    .min(3)
    .max(320)
    .default("Emporium <no-reply@emporium.local>")
    .describe("The From of the mails identity sends (account confirmation, notices)."),
  STOREFRONT_URL: env
    .httpUrl()
    .default("http://localhost:3000")
    .describe("The storefront's public address, which the links in mails lead to."),
  EMAIL_CONFIRMATION_TTL_HOURS: env
    .positiveInt(24)
    .describe("How long a sign-up's confirmation link works (it works once)."),
};

export interface MailConfig {
  smtpUrl: string | undefined;
  from: string;
  storefrontUrl: string;
  confirmationTtlSeconds: number;
}

export function mailConfigOf(e: {
  SMTP_URL?: string | undefined;
  MAIL_FROM: string;
  STOREFRONT_URL: string;
  EMAIL_CONFIRMATION_TTL_HOURS: number;
}): MailConfig {
  return {
    smtpUrl: e.SMTP_URL,
    from: e.MAIL_FROM,
    storefrontUrl: e.STOREFRONT_URL,
    confirmationTtlSeconds: e.EMAIL_CONFIRMATION_TTL_HOURS * 3600,
  };
}

export interface AttemptLimitsConfig {
  redisUrl: string | undefined;
  limits: Record<"signIn" | "signInPerIp" | "signUp" | "staffMutations", Limit>;
}

export function attemptLimitsOf(
  e: { REDIS_URL?: string | undefined } & Record<
    LimitKeys<"SIGN_IN" | "SIGN_IN_PER_IP" | "SIGN_UP" | "STAFF_MUTATIONS">,
    number
  >,
): AttemptLimitsConfig {
  return {
    redisUrl: e.REDIS_URL,
    limits: {
      signIn: limitOf(e, "SIGN_IN"),
      signInPerIp: limitOf(e, "SIGN_IN_PER_IP"),
      signUp: limitOf(e, "SIGN_UP"),
      staffMutations: limitOf(e, "STAFF_MUTATIONS"),
    },
  };
}

/** Exported so docs/configuration.md can be generated from it; `.describe` says what each is for. */
export const identityEnvSchema = z
  .object({
    ...oidcEnvShape,
    ...attemptLimitsEnvShape,
    ...mailEnvShape,
    ...databaseEnv("PGlite, generated development secrets"),
    KAFKA_BROKERS: brokerEnv.KAFKA_BROKERS.optional().describe(
      "Kafka brokers, host:port[,host:port…]; when set, the audit events of staff changes are published from identity's outbox on the audit topic (unset: they wait in the outbox).",
    ),
    ...kafkaSecurityEnvShape,
    SERVICE_TOKEN_SECRET: env
      .secret()
      .optional()
      .describe(
        "Verifies the apps' service tokens (32+ characters, shared with them); required with DATABASE_URL, otherwise generated once under EMPORIUM_DATA_DIR.",
      ),
    IDENTITY_HOST: z.string().default("127.0.0.1").describe("The interface the API listens on."),
    IDENTITY_PORT: env.port(4003).describe("The tRPC API (/trpc) and the ops endpoints."),
    MIGRATE_ON_START: optionalFlag().describe(
      "Apply the migrations at start; unset: only on the embedded database, which no job migrates.",
    ),
    IDENTITY_DEV_ACCOUNTS: optionalFlag().describe(
      "Create the local-only development accounts; unset: only on the embedded database.",
    ),
    IDENTITY_DEV_MAILBOX: optionalFlag().describe(
      "Without SMTP_URL, let anyone read the dev mailbox through the API (the storefront's /dev/mailbox page); unset: only on the embedded database.",
    ),
    ...tracingEnvShape,
    LOG_LEVEL: env.logLevel(),
    LOG_FORMAT: env.logFormat(),
    ...logShippingEnvShape,
    SHUTDOWN_DRAIN_MS: env.drainMs(),
  })
  .refine(oidcBothOrNeither.check, oidcBothOrNeither.params)
  .refine((e) => !(e.SMTP_URL && e.IDENTITY_DEV_MAILBOX), {
    path: ["IDENTITY_DEV_MAILBOX"],
    message: "is for the dev mailbox, which SMTP_URL replaces: set one or the other",
  })
  .superRefine(checkKafkaSecurityEnv)
  .refine((e) => !e.DATABASE_URL || e.SERVICE_TOKEN_SECRET, {
    path: ["SERVICE_TOKEN_SECRET"],
    message: "is required when DATABASE_URL is set (32+ characters, shared with the apps)",
  });

export type IdentityEnv = ReturnType<typeof loadIdentityEnv>;

export function loadIdentityEnv(source: NodeJS.ProcessEnv = process.env) {
  const e = loadEnvOrExit(identityEnvSchema, source);
  const embedded = !e.DATABASE_URL;
  return {
    ...e,
    EMPORIUM_DATA_DIR: path.resolve(e.EMPORIUM_DATA_DIR),
    MIGRATE_ON_START: e.MIGRATE_ON_START ?? embedded,
    IDENTITY_DEV_ACCOUNTS: e.IDENTITY_DEV_ACCOUNTS ?? embedded,
    IDENTITY_DEV_MAILBOX: !e.SMTP_URL && (e.IDENTITY_DEV_MAILBOX ?? embedded),
    oidc: oidcConfigOf(e),
    mail: mailConfigOf(e),
    limits: attemptLimitsOf(e),
  };
}
