import { z } from "zod";
import { env, loadEnvOrExit } from "@emporium/config";
import { brokerEnv } from "@emporium/runtime";

const schema = z.object({
  DATABASE_URL: env.postgresUrl(),
  ...brokerEnv,
  ORDERS_SECRET: z
    .string()
    .min(32, "must be at least 32 characters (generate one with: openssl rand -base64 32)"),
  // Verifies the tokens the apps sign for staff calls; the same secret as the admin's and the catalog's.
  SERVICE_TOKEN_SECRET: z
    .string()
    .min(32, "must be at least 32 characters (the same SERVICE_TOKEN_SECRET the apps sign with)"),
  CATALOG_URL: env.httpUrl().default("http://127.0.0.1:4001/trpc"),
  ORDERS_HOST: z.string().default("127.0.0.1"),
  ORDERS_PORT: env.port(4002),
  RESERVATION_TTL_SECONDS: env.positiveInt(15 * 60),
  LOG_LEVEL: env.logLevel(),
  LOG_FORMAT: env.logFormat(),
});

export const loadOrdersEnv = (source: NodeJS.ProcessEnv = process.env) => loadEnvOrExit(schema, source);
