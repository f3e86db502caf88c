// The orders service's configuration, validated once at start-up. The schema is exported so
// docs/configuration.md can be generated from it; `.describe` says what each variable is for.
import { z } from "zod";
import { env, loadEnvOrExit } from "@emporium/config";
import { brokerEnv } from "@emporium/runtime";

export const ordersEnvSchema = z.object({
  DATABASE_URL: env.postgresUrl().describe("PostgreSQL connection string (the orders schema)."),
  KAFKA_BROKERS: brokerEnv.KAFKA_BROKERS.describe("Kafka brokers for events, host:port[,host:port…]."),
  AMQP_URL: brokerEnv.AMQP_URL.describe("RabbitMQ for commands, amqp://user:password@host:5672."),
  ORDERS_SECRET: z
    .string()
    .min(32, "must be at least 32 characters (generate one with: openssl rand -base64 32)")
    .describe("HMAC key of the signed cart and order tokens (32+ characters)."),
  // Verifies the tokens the apps sign for staff calls; the same secret as the admin's and the catalog's.
  SERVICE_TOKEN_SECRET: z
    .string()
    .min(32, "must be at least 32 characters (the same SERVICE_TOKEN_SECRET the apps sign with)")
    .describe(
      "Verifies the tokens the apps sign for shopper and staff calls (32+ characters, the same everywhere).",
    ),
  CATALOG_URL: env
    .httpUrl()
    .default("http://127.0.0.1:4001/trpc")
    .describe("The catalog's tRPC endpoint, asked for variants and prices at checkout."),
  ORDERS_HOST: z.string().default("127.0.0.1").describe("The interface the API listens on."),
  ORDERS_PORT: env
    .port(4002)
    .describe("The tRPC API (/trpc), live order status (SSE) and the ops endpoints."),
  RESERVATION_TTL_SECONDS: env.positiveInt(15 * 60).describe("How long stock is held for an unpaid order."),
  LOG_LEVEL: env.logLevel(),
  LOG_FORMAT: env.logFormat(),
});

export const loadOrdersEnv = (source: NodeJS.ProcessEnv = process.env) =>
  loadEnvOrExit(ordersEnvSchema, source);
