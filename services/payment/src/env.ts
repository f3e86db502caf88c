// The payment worker's configuration, validated once at start-up. The schema is exported so
// docs/configuration.md can be generated from it; `.describe` says what each variable is for.
import { z } from "zod";
import { env, loadEnvOrExit } from "@emporium/config";
import { PERSISTENT_RETRY, type RetryPolicy } from "@emporium/messaging";
import { checkKafkaSecurityEnv } from "@emporium/config/kafka";
import { brokersEnvShape, logShippingEnvShape } from "@emporium/runtime";
import { tracingEnvShape } from "@emporium/runtime/tracing";

const DELAY_LIST = /^\s*\d+\s*(,\s*\d+\s*)*$/;
/** The longest wait a timer can hold (setTimeout fires at once past it). */
const MAX_TIMER_MS = 2 ** 31 - 1;

/**
 * The retry schedule of payment.capture and payment.refund, shared with the development host: production
 * keeps trying for about two hours; a test stack shortens it so that an outage is dead-lettered at once.
 */
export const paymentRetryEnvShape = {
  PAYMENT_RETRY_DELAYS_MS: z
    .string()
    .default(PERSISTENT_RETRY.delaysMs.join(","))
    .refine((list) => DELAY_LIST.test(list), {
      error: "must be a comma-separated list of waits in milliseconds, e.g. 1000,5000,15000",
    })
    .transform((list): RetryPolicy => ({ delaysMs: list.split(",").map((ms) => Number(ms.trim())) }))
    .refine((policy) => policy.delaysMs.every((ms) => ms >= 1 && ms <= MAX_TIMER_MS), {
      error: `each wait must be from 1 to ${MAX_TIMER_MS} ms (about 24 days)`,
    })
    .describe(
      "How long a capture or refund waits before each retry while the provider is down (comma-separated ms); after the last one a capture is dead-lettered for staff to replay, a refund answered payment.failed.",
    ),
};

export const paymentEnvSchema = z
  .object({
    DATABASE_URL: env.postgresUrl().describe("PostgreSQL connection string (the payments schema)."),
    ...brokersEnvShape,
    PAYMENT_HOST: z.string().default("127.0.0.1").describe("The interface the ops endpoints listen on."),
    PAYMENT_PORT: env.port(4022).describe("/healthz, /readyz and /metrics."),
    PAYMENT_CONCURRENCY: env
      .positiveInt(8)
      .describe("Commands handled at once per queue; the database pool has four connections more."),
    ...paymentRetryEnvShape,
    PSP_URL: env.httpUrl().default("http://127.0.0.1:4010").describe("The payment provider's API."),
    PAYMENT_ALLOW_SIMULATOR: z
      .enum(["1", "0", "true", "false", "yes", "no"])
      .optional()
      .describe(
        "Whether PSP_URL may be the payment provider simulator (services/psp); unset: allowed unless NODE_ENV is production.",
      ),
    NODE_ENV: z
      .string()
      .optional()
      .describe(
        "`production` refuses the payment provider simulator unless PAYMENT_ALLOW_SIMULATOR allows it.",
      ),
    PSP_TIMEOUT_MS: env
      .positiveInt(1_500)
      .describe("Deadline of one call to the provider; the request is aborted when it passes."),
    PSP_MAX_ATTEMPTS: env
      .positiveInt(3)
      .describe(
        "Tries per operation before an authorization is answered payment.failed (or a capture retried later).",
      ),
    PSP_RETRY_BASE_MS: env
      .positiveInt(100)
      .describe("Backoff base: the n-th retry waits a random time up to base·2^n."),
    PSP_RETRY_CAP_MS: env.positiveInt(1_000).describe("Backoff cap: no retry waits longer."),
    PSP_BREAKER_ERROR_PERCENT: z.coerce
      .number()
      .min(1)
      .max(100)
      .default(50)
      .describe("The breaker opens when more than this share (%) of recent calls failed…"),
    PSP_BREAKER_VOLUME_THRESHOLD: env
      .positiveInt(4)
      .describe("…and at least this many calls were made in the window."),
    PSP_BREAKER_WINDOW_MS: env.positiveInt(10_000).describe("The window those recent calls are counted in."),
    PSP_BREAKER_RESET_MS: env
      .positiveInt(8_000)
      .describe("How long the breaker stays open before one trial call."),
    ...tracingEnvShape,
    LOG_LEVEL: env.logLevel(),
    LOG_FORMAT: env.logFormat(),
    ...logShippingEnvShape,
  })
  .superRefine(checkKafkaSecurityEnv);

export type PaymentEnv = z.output<typeof paymentEnvSchema>;

/** The simulator is for development, compose and tests: production takes it only when told to. */
export const simulatorAllowed = (e: Pick<PaymentEnv, "PAYMENT_ALLOW_SIMULATOR" | "NODE_ENV">): boolean =>
  e.PAYMENT_ALLOW_SIMULATOR === undefined
    ? e.NODE_ENV !== "production"
    : ["1", "true", "yes"].includes(e.PAYMENT_ALLOW_SIMULATOR);

export const loadPaymentEnv = (source: NodeJS.ProcessEnv = process.env) =>
  loadEnvOrExit(paymentEnvSchema, source);
