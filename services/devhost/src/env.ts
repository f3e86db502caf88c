// The development host's configuration: embedded defaults for everything; DATABASE_URL switches the
// database to a real PostgreSQL, REDIS_URL counts the rate limits in Redis and MONGO_URL keeps
// reviews and the staff audit log in MongoDB (each in its own database); SMTP_URL sends identity's
// mail, which the dev mailbox keeps otherwise (readable at the storefront's /dev/mailbox). (With real
// brokers, each service runs as its own process instead.)
import path from "node:path";
import { z } from "zod";
import { env, loadEnvOrExit } from "@emporium/config";
import { databaseEnv } from "@emporium/db";
import { seedEnv } from "@emporium/seed";
import {
  attemptLimitsEnvShape,
  attemptLimitsOf,
  mailConfigOf,
  mailEnvShape,
  oidcBothOrNeither,
  oidcConfigOf,
  oidcEnvShape,
} from "@emporium/identity/env";
import { catalogLimitsEnvShape, catalogLimitsOf } from "@emporium/catalog/env";
import { ordersLimitsOf, placeOrderLimitsEnvShape, stuckOrdersEnvShape } from "@emporium/orders/env";
import { mongoEnvShape } from "@emporium/reviews/env";
import { auditMongoEnvShape } from "@emporium/audit/env";
import { paymentRetryEnvShape } from "@emporium/payment/env";
import { tracingEnvShape } from "@emporium/runtime/tracing";
import { logShippingEnvShape } from "@emporium/runtime";

/** Exported so docs/configuration.md can be generated from it; `.describe` says what each is for. */
export const devhostEnvSchema = z
  .object({
    ...oidcEnvShape,
    ...attemptLimitsEnvShape,
    ...mailEnvShape,
    ...placeOrderLimitsEnvShape,
    ...stuckOrdersEnvShape,
    ...catalogLimitsEnvShape,
    ...databaseEnv("PGlite, media, packing slips under documents/, generated secrets"),
    ...mongoEnvShape,
    // The same MONGO_URL server, another database.
    AUDIT_MONGO_DB: auditMongoEnvShape.MONGO_DB.describe(
      "The database on the MONGO_URL server the staff audit log is kept in.",
    ),
    MEDIA_DIR: z.string().optional().describe("Product images; unset: <EMPORIUM_DATA_DIR>/media."),
    ...seedEnv,
    HOST: z.string().default("127.0.0.1").describe("The interface every API listens on."),
    CATALOG_PORT: env.port(4001).describe("The catalog API."),
    ORDERS_PORT: env.port(4002).describe("The orders API."),
    IDENTITY_PORT: env.port(4003).describe("The identity API."),
    INVENTORY_PORT: env.port(4021).describe("The inventory staff API."),
    REVIEWS_PORT: env.port(4024).describe("The reviews API."),
    AUDIT_PORT: env.port(4025).describe("The audit API (the staff activity log, for owners)."),
    PSP_URL: env.httpUrl().default("http://127.0.0.1:4010").describe("The payment provider's API."),
    ORDERS_SECRET: env
      .secret()
      .optional()
      .describe(
        "HMAC key of cart and order tokens (32+ characters); unset: generated once under EMPORIUM_DATA_DIR.",
      ),
    SERVICE_TOKEN_SECRET: env
      .secret()
      .optional()
      .describe(
        "Verifies the apps' service tokens (32+ characters, the same as the apps'); unset: generated once under EMPORIUM_DATA_DIR.",
      ),
    RESERVATION_TTL_SECONDS: env.positiveInt(15 * 60).describe("How long stock is held for an unpaid order."),
    CARRIER_STEP_MS: env.positiveInt(4_000).describe("Time per step of the simulated carrier."),
    ...paymentRetryEnvShape,
    ...tracingEnvShape,
    LOG_LEVEL: env.logLevel(),
    LOG_FORMAT: env.logFormat(),
    ...logShippingEnvShape,
  })
  .refine(oidcBothOrNeither.check, oidcBothOrNeither.params);

export function loadDevhostEnv(source: NodeJS.ProcessEnv = process.env) {
  const e = loadEnvOrExit(devhostEnvSchema, source);
  const dataDir = path.resolve(e.EMPORIUM_DATA_DIR);
  return {
    ...e,
    EMPORIUM_DATA_DIR: dataDir,
    MEDIA_DIR: path.resolve(e.MEDIA_DIR ?? path.join(dataDir, "media")),
    oidc: oidcConfigOf(e),
    limits: attemptLimitsOf(e),
    mail: mailConfigOf(e),
    ordersLimits: ordersLimitsOf(e),
    catalogLimits: catalogLimitsOf(e),
  };
}
