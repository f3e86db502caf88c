import { z } from "zod";
import { env, loadEnvOrExit } from "@emporium/config";
import { brokerEnv } from "@emporium/runtime";

const schema = z.object({
  DATABASE_URL: env.postgresUrl(),
  ...brokerEnv,
  INVENTORY_HOST: z.string().default("127.0.0.1"),
  INVENTORY_PORT: env.port(4021),
  INVENTORY_CONCURRENCY: env.positiveInt(8),
  RESERVATION_SWEEP_MS: env.positiveInt(5_000),
  LOG_LEVEL: env.logLevel(),
  LOG_FORMAT: env.logFormat(),
});

export const loadInventoryEnv = (source: NodeJS.ProcessEnv = process.env) => loadEnvOrExit(schema, source);
