// The orders service's configuration, validated once at start-up. The schema is exported so
// docs/configuration.md can be generated from it; `.describe` says what each variable is for.
import { z } from "zod";
import { env, loadEnvOrExit } from "@emporium/config";
import { checkKafkaSecurityEnv } from "@emporium/config/kafka";
import { brokersEnvShape, logShippingEnvShape } from "@emporium/runtime";
import {
  limitEnv,
  limitOf,
  rateLimitEnvShape,
  type Limit,
  type LimitKeys,
} from "@emporium/service-kit/limits";
import { tracingEnvShape } from "@emporium/runtime/tracing";

/**
 * Limits on placing orders, shared with the development host: per cart and per address, counted in
 * Redis when REDIS_URL is set (every replica draws on the same count) and in the process otherwise.
 */
export const placeOrderLimitsEnvShape = {
  ...limitEnv(
    "PLACE_ORDER_PER_CART",
    { attempts: 10, windowSeconds: 60 },
    {
      attempts: "Attempts to place an order per cart per window (a shopper retrying a declined card).",
      window: "The per-cart placeOrder window, from a cart's first counted attempt.",
    },
  ),
  ...limitEnv(
    "PLACE_ORDER_PER_IP",
    { attempts: 30, windowSeconds: 60 },
    {
      attempts:
        "Attempts to place an order per address (an IPv6 /64) per window, whichever carts they are for.",
      window: "The per-address placeOrder window, from an address's first counted attempt.",
    },
  ),
};

/** The operations console's threshold for stuck orders, shared with the development host. */
export const stuckOrdersEnvShape = {
  ORDERS_STUCK_AFTER_MINUTES: z.coerce
    .number()
    .int()
    .min(0)
    .max(43_200)
    .default(15)
    .describe(
      "An unfinished order (PENDING or CONFIRMED) placed longer ago than this many minutes is listed as stuck in the admin's operations console, where staff may send its saga step again.",
    ),
};

export interface OrdersLimitsConfig {
  redisUrl: string | undefined;
  limits: Record<"placeOrderPerCart" | "placeOrderPerIp" | "placeOrderKeys" | "staffMutations", Limit>;
}

export function ordersLimitsOf(
  e: { REDIS_URL?: string | undefined } & Record<
    LimitKeys<"PLACE_ORDER_PER_CART" | "PLACE_ORDER_PER_IP" | "STAFF_MUTATIONS">,
    number
  >,
): OrdersLimitsConfig {
  const placeOrderPerCart = limitOf(e, "PLACE_ORDER_PER_CART");
  const placeOrderPerIp = limitOf(e, "PLACE_ORDER_PER_IP");
  return {
    redisUrl: e.REDIS_URL,
    limits: {
      placeOrderPerCart,
      placeOrderPerIp,
      // Not configurable: a key's first use in the longer of the two windows (see ports/limits.ts).
      placeOrderKeys: {
        attempts: 1,
        windowSeconds: Math.max(placeOrderPerCart.windowSeconds, placeOrderPerIp.windowSeconds),
      },
      staffMutations: limitOf(e, "STAFF_MUTATIONS"),
    },
  };
}

export const ordersEnvSchema = z
  .object({
    DATABASE_URL: env.postgresUrl().describe("PostgreSQL connection string (the orders schema)."),
    ...brokersEnvShape,
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
    ...stuckOrdersEnvShape,
    ...rateLimitEnvShape,
    ...placeOrderLimitsEnvShape,
    ...tracingEnvShape,
    LOG_LEVEL: env.logLevel(),
    LOG_FORMAT: env.logFormat(),
    ...logShippingEnvShape,
    SHUTDOWN_DRAIN_MS: env.drainMs(),
  })
  .superRefine(checkKafkaSecurityEnv);

export const loadOrdersEnv = (source: NodeJS.ProcessEnv = process.env) =>
  loadEnvOrExit(ordersEnvSchema, source);
