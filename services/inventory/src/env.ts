// The inventory worker's configuration, validated once at start-up. The schema is exported so
// docs/configuration.md can be generated from it; `.describe` says what each variable is for.
import { z } from "zod";
import { env, loadEnvOrExit } from "@emporium/config";
import { checkKafkaSecurityEnv } from "@emporium/config/kafka";
import { brokersEnvShape, logShippingEnvShape } from "@emporium/runtime";
import { rateLimitEnvShape } from "@emporium/service-kit/limits";
import { tracingEnvShape } from "@emporium/runtime/tracing";

export const inventoryEnvSchema = z
  .object({
    DATABASE_URL: env.postgresUrl().describe("PostgreSQL connection string (the inventory schema)."),
    ...brokersEnvShape,
    // Verifies the tokens the admin signs for staff calls; the same secret as the apps' and the catalog's.
    SERVICE_TOKEN_SECRET: z
      .string({ error: "is required: the same SERVICE_TOKEN_SECRET the apps sign with (32+ characters)" })
      .min(32, "must be at least 32 characters (the same SERVICE_TOKEN_SECRET the apps sign with)")
      .describe("Verifies the tokens the admin signs for staff calls (32+ characters, the same everywhere)."),
    INVENTORY_HOST: z.string().default("127.0.0.1").describe("The interface the API listens on."),
    // The staff stock API (/trpc) and the ops endpoints (/healthz, /readyz, /metrics).
    INVENTORY_PORT: env.port(4021).describe("The staff stock API (/trpc) and the ops endpoints."),
    INVENTORY_CONCURRENCY: env
      .positiveInt(8)
      .describe("Commands handled at once per queue; the database pool has four connections more."),
    RESERVATION_SWEEP_MS: env.positiveInt(5_000).describe("How often expired reservations are looked for."),
    ...rateLimitEnvShape,
    ...tracingEnvShape,
    LOG_LEVEL: env.logLevel(),
    LOG_FORMAT: env.logFormat(),
    ...logShippingEnvShape,
  })
  .superRefine(checkKafkaSecurityEnv);

export const loadInventoryEnv = (source: NodeJS.ProcessEnv = process.env) =>
  loadEnvOrExit(inventoryEnvSchema, source);
