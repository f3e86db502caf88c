// The inventory's own process: PostgreSQL, Kafka and RabbitMQ from the environment, the worker, and on
// INVENTORY_PORT the staff stock API (/trpc) with /healthz, /readyz and /metrics.
import { tokenKey } from "@emporium/auth";
import { openDatabase } from "@emporium/db";
import { createLogger, createServiceMetrics } from "@emporium/observability";
import { connectBrokers, onShutdown, waitForSchema } from "@emporium/runtime";
import { loadInventoryEnv } from "./env";
import { createInventoryApi } from "./service";
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
const api = createInventoryApi({ db, log, metrics, tokenKey: tokenKey(env.SERVICE_TOKEN_SECRET) });
await api.server.listen(env.INVENTORY_PORT, env.INVENTORY_HOST);
log.info({ port: env.INVENTORY_PORT }, "inventory worker running; staff API on /trpc");

onShutdown(log, async () => {
  await worker.stop();
  await api.server.close();
  await brokers.close();
  await db.close();
});
