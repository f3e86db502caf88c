// The inventory's own process: PostgreSQL, Kafka and RabbitMQ from the environment, the worker, and on
// INVENTORY_PORT the staff stock API (/trpc) with /healthz, /readyz and /metrics.
import { kafkaSecurityOf } from "@emporium/config/kafka";
import { tokenKey } from "@emporium/auth";
import { createLoggerFrom, runWorker } from "@emporium/runtime";
import { loadInventoryEnv } from "./env";
import { limitOf } from "@emporium/service-kit/limits";
import { createInventoryApi, createInventoryLimits, createInventoryWorker } from "./service";
import { startTracingFrom } from "@emporium/runtime/tracing";

const env = loadInventoryEnv();
await startTracingFrom(env, "inventory");
const log = createLoggerFrom(env, "inventory");
await runWorker({
  service: "inventory",
  log,
  database: { url: env.DATABASE_URL, poolSize: env.INVENTORY_CONCURRENCY + 4 },
  brokers: { kafkaBrokers: env.KAFKA_BROKERS, kafkaSecurity: kafkaSecurityOf(env), amqpUrl: env.AMQP_URL },
  schemaTable: "inventory.outbox",
  createWorker: (deps) =>
    createInventoryWorker({
      ...deps,
      expirySweepMs: env.RESERVATION_SWEEP_MS,
      concurrency: env.INVENTORY_CONCURRENCY,
    }),
  // The staff stock API answers the ops endpoints too.
  serve: async ({ db, log, metrics }) => {
    const limits = createInventoryLimits(
      { redisUrl: env.REDIS_URL, staffMutations: limitOf(env, "STAFF_MUTATIONS") },
      log,
    );
    const api = createInventoryApi({
      db,
      log,
      metrics,
      tokenKey: tokenKey(env.SERVICE_TOKEN_SECRET),
      limits,
    });
    await api.server.listen(env.INVENTORY_PORT, env.INVENTORY_HOST);
    return {
      close: async () => {
        await api.server.close();
        await limits.close();
      },
    };
  },
  started: { fields: { port: env.INVENTORY_PORT }, message: "inventory worker running; staff API on /trpc" },
});
