import { z } from "zod";
import { env, loadEnvOrExit } from "@emporium/config";
import { brokerEnv } from "@emporium/runtime";

export const inventoryEnvSchema = z.object({
  DATABASE_URL: env.postgresUrl(),
  ...brokerEnv,
  // Verifies the tokens the admin signs for staff calls; the same secret as the apps' and the catalog's.
  SERVICE_TOKEN_SECRET: z
    .string({ error: "is required: the same SERVICE_TOKEN_SECRET the apps sign with (32+ characters)" })
    .min(32, "must be at least 32 characters (the same SERVICE_TOKEN_SECRET the apps sign with)"),
  INVENTORY_HOST: z.string().default("127.0.0.1"),
  // The staff stock API (/trpc) and the ops endpoints (/healthz, /readyz, /metrics).
  INVENTORY_PORT: env.port(4021),
  INVENTORY_CONCURRENCY: env.positiveInt(8),
  RESERVATION_SWEEP_MS: env.positiveInt(5_000),
  LOG_LEVEL: env.logLevel(),
  LOG_FORMAT: env.logFormat(),
});

export const loadInventoryEnv = (source: NodeJS.ProcessEnv = process.env) =>
  loadEnvOrExit(inventoryEnvSchema, source);
