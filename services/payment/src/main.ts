// The payment worker's own process: PostgreSQL, Kafka and RabbitMQ from the environment, the payment
// provider at PSP_URL behind its breaker, and /healthz /readyz /metrics on PAYMENT_PORT.
import { openDatabase } from "@emporium/db";
import { createLogger, createServiceMetrics } from "@emporium/observability";
import { connectBrokers, onShutdown, schemaCheck, startOpsServer, waitForSchema } from "@emporium/runtime";
import { PspProvider } from "./adapters/psp/psp-provider";
import { loadPaymentEnv, simulatorAllowed } from "./env";
import { refuseSimulator, SimulatorRefusedError } from "./adapters/psp/simulator-guard";
import { createPaymentWorker, PAYMENT_RETRY_BY_QUEUE } from "./service";

const env = loadPaymentEnv();
const log = createLogger({ service: "payment", level: env.LOG_LEVEL, format: env.LOG_FORMAT });
// Before anything else: production must not take orders against the payment provider simulator.
await refuseSimulator({
  pspUrl: env.PSP_URL,
  allowSimulator: simulatorAllowed(env),
  timeoutMs: env.PSP_TIMEOUT_MS,
  log,
}).catch((err: unknown) => {
  if (!(err instanceof SimulatorRefusedError)) throw err;
  log.fatal(err.message);
  process.exit(1);
});
const metrics = createServiceMetrics("payment");
const db = await openDatabase({ databaseUrl: env.DATABASE_URL, poolSize: env.PAYMENT_CONCURRENCY + 4 });
const brokers = await connectBrokers({
  service: "payment",
  kafkaBrokers: env.KAFKA_BROKERS,
  amqpUrl: env.AMQP_URL,
  log,
  retryByQueue: PAYMENT_RETRY_BY_QUEUE,
});
const worker = createPaymentWorker({
  db,
  events: brokers.events,
  commands: brokers.commands,
  log,
  metrics,
  provider: new PspProvider(env.PSP_URL),
  resilience: {
    timeoutMs: env.PSP_TIMEOUT_MS,
    maxAttempts: env.PSP_MAX_ATTEMPTS,
    retryBaseMs: env.PSP_RETRY_BASE_MS,
    retryCapMs: env.PSP_RETRY_CAP_MS,
    errorThresholdPercentage: env.PSP_BREAKER_ERROR_PERCENT,
    volumeThreshold: env.PSP_BREAKER_VOLUME_THRESHOLD,
    rollingWindowMs: env.PSP_BREAKER_WINDOW_MS,
    resetTimeoutMs: env.PSP_BREAKER_RESET_MS,
  },
  concurrency: env.PAYMENT_CONCURRENCY,
});
await waitForSchema(db, "payments.outbox", log);
await worker.start();
// Readiness is the database only: an unavailable provider is the breaker's business (orders get a
// clear payment.failed), and restarting this worker would not bring the provider back.
const ops = await startOpsServer({
  host: env.PAYMENT_HOST,
  port: env.PAYMENT_PORT,
  metrics,
  checks: [schemaCheck(db, "payments.outbox")],
});
log.info({ port: env.PAYMENT_PORT, psp: env.PSP_URL }, "payment worker running");

onShutdown(log, async () => {
  await worker.stop();
  ops.close();
  await brokers.close();
  await db.close();
});
