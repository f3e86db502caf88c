// The inventory worker's own process: PostgreSQL, Kafka and RabbitMQ from the environment, the
// worker, and /healthz /readyz /metrics on INVENTORY_PORT.
import { openDatabase } from "@emporium/db";
import { createLogger, createServiceMetrics } from "@emporium/observability";
import { connectBrokers, onShutdown, schemaCheck, startOpsServer, waitForSchema } from "@emporium/runtime";
import { loadInventoryEnv } from "./env";
import { createInventoryWorker } from "./worker";

const env = loadInventoryEnv();
const log = createLogger({ service: "inventory", level: env.LOG_LEVEL, format: env.LOG_FORMAT });
const metrics = createServiceMetrics("inventory");
const db = await openDatabase({ databaseUrl: env.DATABASE_URL, poolSize: env.INVENTORY_CONCURRENCY + 4 });
const brokers = await connectBrokers({
  service: "inventory",
  kafkaBrokers: env.KAFKA_BROKERS,
  amqpUrl: env.AMQP_URL,
  log,
});
const worker = createInventoryWorker({
  db,
  events: brokers.events,
  commands: brokers.commands,
  log,
  metrics,
  expirySweepMs: env.RESERVATION_SWEEP_MS,
  concurrency: env.INVENTORY_CONCURRENCY,
});
await waitForSchema(db, "inventory.outbox", log);
await worker.start();
const ops = await startOpsServer({
  host: env.INVENTORY_HOST,
  port: env.INVENTORY_PORT,
  metrics,
  checks: [schemaCheck(db, "inventory.outbox")],
});
log.info({ port: env.INVENTORY_PORT }, "inventory worker running");

onShutdown(log, async () => {
  await worker.stop();
  ops.close();
  await brokers.close();
  await db.close();
});
