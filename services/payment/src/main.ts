// The payment worker's own process: PostgreSQL, Kafka and RabbitMQ from the environment, the payment
// provider at PSP_URL behind its breaker, and /healthz /readyz /metrics on PAYMENT_PORT.
import { kafkaSecurityOf } from "@emporium/config/kafka";
import { createLoggerFrom, runWorker } from "@emporium/runtime";
import { PspProvider } from "./adapters/psp/psp-provider";
import { refuseSimulator, SimulatorRefusedError } from "./adapters/psp/simulator-guard";
import { loadPaymentEnv, simulatorAllowed } from "./env";
import { createPaymentWorker, paymentRetryByQueue } from "./service";
import { startTracingFrom } from "@emporium/runtime/tracing";

const env = loadPaymentEnv();
await startTracingFrom(env, "payment");
const log = createLoggerFrom(env, "payment");
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
// Readiness is the database only: an unavailable provider is the breaker's business (orders get a
// clear payment.failed), and restarting this worker would not bring the provider back.
await runWorker({
  service: "payment",
  log,
  database: { url: env.DATABASE_URL, poolSize: env.PAYMENT_CONCURRENCY + 4 },
  brokers: {
    kafkaBrokers: env.KAFKA_BROKERS,
    kafkaSecurity: kafkaSecurityOf(env),
    amqpUrl: env.AMQP_URL,
    retryByQueue: paymentRetryByQueue(env.PAYMENT_RETRY_DELAYS_MS),
  },
  schemaTable: "payments.outbox",
  createWorker: (deps) =>
    createPaymentWorker({
      ...deps,
      provider: new PspProvider(env.PSP_URL),
      retry: env.PAYMENT_RETRY_DELAYS_MS,
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
    }),
  ops: { host: env.PAYMENT_HOST, port: env.PAYMENT_PORT },
  started: { fields: { psp: env.PSP_URL } },
});
