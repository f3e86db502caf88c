// The identity service's own process: environment → database → HTTP server (answering 503 while
// starting) → the identity schema (the migrate job creates it; on the embedded database this process
// migrates) → with IDENTITY_DEV_ACCOUNTS, the local-only accounts → with KAFKA_BROKERS, the outbox
// relay (staff changes' audit events) → ready. Mail goes through SMTP_URL, or stays in the dev mailbox.
import { kafkaSecurityOf } from "@emporium/config/kafka";
import { serviceTokenKey } from "@emporium/auth";
import { migrate, openDatabase } from "@emporium/db";
import { KafkaEventBus } from "@emporium/messaging";
import { createServiceMetrics } from "@emporium/observability";
import { createLoggerFrom, onShutdown, waitForSchema } from "@emporium/runtime";
import { loadIdentityEnv } from "./env";
import {
  createAttemptLimits,
  createIdentityService,
  createMail,
  ensureDevAccounts,
  IDENTITY_LAST_TABLE,
} from "./service";
import { startTracingFrom } from "@emporium/runtime/tracing";

const env = loadIdentityEnv();
await startTracingFrom(env, "identity");
const log = createLoggerFrom(env, "identity");
const metrics = createServiceMetrics("identity");
const db = await openDatabase({ databaseUrl: env.DATABASE_URL, dataDir: env.EMPORIUM_DATA_DIR });
const limits = createAttemptLimits(env.limits, log);
const events = env.KAFKA_BROKERS
  ? new KafkaEventBus({ brokers: env.KAFKA_BROKERS, clientId: "identity", log, ...kafkaSecurityOf(env) })
  : undefined;
const mail = createMail(env.mail, log, env.IDENTITY_DEV_MAILBOX);
const identity = createIdentityService({
  db,
  log,
  metrics,
  // env.ts requires SERVICE_TOKEN_SECRET with a real database; on embedded defaults the apps and the
  // backends share a random secret kept under the data folder.
  tokenKey: serviceTokenKey(env.SERVICE_TOKEN_SECRET, env.EMPORIUM_DATA_DIR),
  oidc: env.oidc,
  limits,
  mail,
  events,
});
await identity.server.listen(env.IDENTITY_PORT, env.IDENTITY_HOST);
log.info(
  {
    database: db.description,
    attemptLimits: env.limits.redisUrl ? "redis" : "in-process",
    mail: env.mail.smtpUrl ? "smtp" : "dev mailbox",
    events: events ? "kafka" : "none",
  },
  `identity listening on http://${env.IDENTITY_HOST}:${env.IDENTITY_PORT}`,
);

onShutdown(
  log,
  async () => {
    await identity.stop();
    await identity.server.close();
    await limits.close();
    await mail.mailer.close();
    await events?.close();
    await db.close();
  },
  { drainMs: env.SHUTDOWN_DRAIN_MS },
);

try {
  if (env.MIGRATE_ON_START) {
    identity.readiness.detail = "applying database migrations";
    const { applied } = await migrate(db, (m) => log.info(m));
    if (applied.length > 0) log.info({ applied }, "migrations applied");
  }
  identity.readiness.detail = "waiting for the identity schema";
  await waitForSchema(db, IDENTITY_LAST_TABLE, log);
  if (env.IDENTITY_DEV_ACCOUNTS) await ensureDevAccounts(db, log);
  await identity.start();
  log.info("identity ready");
} catch (err) {
  log.fatal({ err }, "identity failed to start");
  await events?.close().catch(() => undefined);
  await db.close().catch(() => undefined);
  process.exit(1);
}
