// The fulfillment worker's own process: PostgreSQL, Kafka, RabbitMQ and the document store (S3 or a
// local folder) from the environment, the worker, and /healthz /readyz /metrics on FULFILLMENT_PORT.
import { openDatabase } from "@emporium/db";
import { createLogger, createServiceMetrics } from "@emporium/observability";
import { connectBrokers, onShutdown, schemaCheck, startOpsServer, waitForSchema } from "@emporium/runtime";
import { createObjectStore } from "@emporium/storage";
import { loadFulfillmentEnv } from "./env";
import { objectStoreBreakerGauge } from "./app/metrics";
import { createFulfillmentWorker } from "./service";

const env = loadFulfillmentEnv();
const log = createLogger({ service: "fulfillment", level: env.LOG_LEVEL, format: env.LOG_FORMAT });
const metrics = createServiceMetrics("fulfillment");
const db = await openDatabase({ databaseUrl: env.DATABASE_URL, poolSize: env.FULFILLMENT_CONCURRENCY + 4 });
const breakerState = objectStoreBreakerGauge(metrics.registry);
const store = await createObjectStore({
  localDir: env.objectStore.localDir,
  s3: env.objectStore.s3 && {
    ...env.objectStore.s3,
    onBreakerStateChange: (state) => {
      breakerState(state);
      log.warn({ store: "documents", state }, "object store circuit breaker changed state");
    },
  },
});
log.info({ store: store.description }, "document store ready");
const brokers = await connectBrokers({
  service: "fulfillment",
  kafkaBrokers: env.KAFKA_BROKERS,
  amqpUrl: env.AMQP_URL,
  log,
});
const worker = createFulfillmentWorker({
  db,
  events: brokers.events,
  commands: brokers.commands,
  log,
  metrics,
  store,
  carrierStepMs: env.CARRIER_STEP_MS,
  carrierPollMs: env.CARRIER_POLL_MS,
  concurrency: env.FULFILLMENT_CONCURRENCY,
});
await waitForSchema(db, "fulfillment.outbox", log);
await worker.start();
const ops = await startOpsServer({
  host: env.FULFILLMENT_HOST,
  port: env.FULFILLMENT_PORT,
  metrics,
  checks: [
    schemaCheck(db, "fulfillment.outbox"),
    { name: "document-store", check: async () => void (await store.exists("health/probe")) },
  ],
});
log.info({ port: env.FULFILLMENT_PORT, carrierStepMs: env.CARRIER_STEP_MS }, "fulfillment worker running");

onShutdown(log, async () => {
  await worker.stop();
  ops.close();
  await brokers.close();
  await db.close();
});
