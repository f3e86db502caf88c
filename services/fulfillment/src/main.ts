// The fulfillment worker's own process: PostgreSQL, Kafka, RabbitMQ and the document store (S3 or a
// local folder) from the environment, the worker, and /healthz /readyz /metrics on FULFILLMENT_PORT.
import { kafkaSecurityOf } from "@emporium/config/kafka";
import { createServiceMetrics, measureBreaker } from "@emporium/observability";
import { createLoggerFrom, runWorker } from "@emporium/runtime";
import { createObjectStore } from "@emporium/storage";
import { loadFulfillmentEnv } from "./env";
import { createFulfillmentWorker } from "./service";
import { startTracingFrom } from "@emporium/runtime/tracing";

const env = loadFulfillmentEnv();
await startTracingFrom(env, "fulfillment");
const log = createLoggerFrom(env, "fulfillment");
const metrics = createServiceMetrics("fulfillment");
const store = await createObjectStore({
  localDir: env.objectStore.localDir,
  s3: env.objectStore.s3 && {
    ...env.objectStore.s3,
    onBreakerStateChange: (state) =>
      log.warn({ store: "documents", state }, "object store circuit breaker changed state"),
    observeBreaker: (breaker) => measureBreaker(metrics.registry, "document-store", breaker),
  },
});
log.info({ store: store.description }, "document store ready");
await runWorker({
  service: "fulfillment",
  log,
  metrics,
  database: { url: env.DATABASE_URL, poolSize: env.FULFILLMENT_CONCURRENCY + 4 },
  brokers: { kafkaBrokers: env.KAFKA_BROKERS, kafkaSecurity: kafkaSecurityOf(env), amqpUrl: env.AMQP_URL },
  schemaTable: "fulfillment.outbox",
  createWorker: (deps) =>
    createFulfillmentWorker({
      ...deps,
      store,
      carrierStepMs: env.CARRIER_STEP_MS,
      carrierPollMs: env.CARRIER_POLL_MS,
      concurrency: env.FULFILLMENT_CONCURRENCY,
    }),
  ops: {
    host: env.FULFILLMENT_HOST,
    port: env.FULFILLMENT_PORT,
    checks: [{ name: "document-store", check: async () => void (await store.exists("health/probe")) }],
  },
  started: { fields: { carrierStepMs: env.CARRIER_STEP_MS } },
});
