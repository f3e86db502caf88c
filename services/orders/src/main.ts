// The orders service's own process: PostgreSQL, Kafka and RabbitMQ from the environment.
import { kafkaSecurityOf } from "@emporium/config/kafka";
import { tokenKey } from "@emporium/auth";
import { openDatabase } from "@emporium/db";
import { createServiceMetrics, measureBreaker } from "@emporium/observability";
import { connectBrokers, createLoggerFrom, onShutdown, waitForSchema } from "@emporium/runtime";
import { CatalogVariantLookup } from "./adapters/catalog/catalog-variant-lookup";
import { loadOrdersEnv, ordersLimitsOf } from "./env";
import { createOrdersLimits, createOrdersService } from "./service";
import { startTracingFrom } from "@emporium/runtime/tracing";

const env = loadOrdersEnv();
await startTracingFrom(env, "orders");
const log = createLoggerFrom(env, "orders");
const metrics = createServiceMetrics("orders");
const db = await openDatabase({ databaseUrl: env.DATABASE_URL, poolSize: 20 });
const brokers = await connectBrokers({
  service: "orders",
  kafkaBrokers: env.KAFKA_BROKERS,
  kafkaSecurity: kafkaSecurityOf(env),
  amqpUrl: env.AMQP_URL,
  log,
});
const variants = new CatalogVariantLookup({
  url: env.CATALOG_URL,
  log,
  observeBreaker: (breaker) => measureBreaker(metrics.registry, "catalog", breaker),
});
const limits = createOrdersLimits(ordersLimitsOf(env), log);
const service = createOrdersService({
  db,
  events: brokers.events,
  commands: brokers.commands,
  log,
  metrics,
  variants,
  secret: Buffer.from(env.ORDERS_SECRET),
  tokenKey: tokenKey(env.SERVICE_TOKEN_SECRET),
  reservationTtlMs: env.RESERVATION_TTL_SECONDS * 1000,
  stuckAfterMs: env.ORDERS_STUCK_AFTER_MINUTES * 60_000,
  limits,
});
await waitForSchema(db, "orders.outbox", log);
await service.start();
await service.server.listen(env.ORDERS_PORT, env.ORDERS_HOST);
log.info(
  { rateLimits: env.REDIS_URL ? "redis" : "in-process" },
  `orders listening on http://${env.ORDERS_HOST}:${env.ORDERS_PORT}`,
);

onShutdown(
  log,
  async () => {
    await service.server.close();
    await service.stop();
    await limits.close();
    variants.shutdown();
    await brokers.close();
    await db.close();
  },
  { drainMs: env.SHUTDOWN_DRAIN_MS },
);
