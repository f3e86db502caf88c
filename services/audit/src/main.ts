// The audit service's own process: environment → audit log (MongoDB, or memory) → HTTP server → with
// KAFKA_BROKERS, the consumer of the audit topic → ready. MongoDB is not waited for: while it is
// unreachable, reads answer 503 and /readyz reports it, staff actions wait on Kafka (the consumer's
// position does not move past one it could not store), and everything resumes when it is back.
import { kafkaSecurityOf } from "@emporium/config/kafka";
import { tokenKey } from "@emporium/auth";
import { KafkaEventBus, PERSISTENT_RETRY } from "@emporium/messaging";
import { createServiceMetrics } from "@emporium/observability";
import { createLoggerFrom, onShutdown } from "@emporium/runtime";
import { loadAuditEnv } from "./env";
import { createAuditService, openAuditLog } from "./service";
import { startTracingFrom } from "@emporium/runtime/tracing";

const env = loadAuditEnv();
await startTracingFrom(env, "audit");
const log = createLoggerFrom(env, "audit");
const auditLog = openAuditLog({
  mongoUrl: env.MONGO_URL,
  mongoDb: env.MONGO_DB,
  log,
  timeoutMs: env.MONGO_TIMEOUT_MS,
});
// A staff action that cannot be stored (MongoDB down) is tried again for about two hours before it is
// dead-lettered to audit.dlq (kept there for replay): an audit log is not to lose an entry to an outage.
const events = env.KAFKA_BROKERS
  ? new KafkaEventBus({
      brokers: env.KAFKA_BROKERS,
      clientId: "audit",
      log,
      ...kafkaSecurityOf(env),
      retry: PERSISTENT_RETRY,
    })
  : undefined;
const audit = createAuditService({
  auditLog,
  events,
  log,
  metrics: createServiceMetrics("audit"),
  tokenKey: tokenKey(env.SERVICE_TOKEN_SECRET),
});
await audit.server.listen(env.AUDIT_PORT, env.AUDIT_HOST);
log.info(
  { store: auditLog.description, events: events ? "kafka" : "none" },
  `audit listening on http://${env.AUDIT_HOST}:${env.AUDIT_PORT}`,
);

onShutdown(
  log,
  async () => {
    await audit.stop();
    await audit.server.close();
    await events?.close();
    await auditLog.close();
  },
  { drainMs: env.SHUTDOWN_DRAIN_MS },
);

try {
  await audit.start();
  log.info("audit ready");
} catch (err) {
  log.fatal({ err }, "audit failed to start");
  await auditLog.close().catch(() => undefined);
  process.exit(1);
}
