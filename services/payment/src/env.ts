import { z } from "zod";
import { env, loadEnvOrExit } from "@emporium/config";
import { brokerEnv } from "@emporium/runtime";

const schema = z.object({
  DATABASE_URL: env.postgresUrl(),
  ...brokerEnv,
  PAYMENT_HOST: z.string().default("127.0.0.1"),
  /** /healthz, /readyz and /metrics. */
  PAYMENT_PORT: env.port(4022),
  PAYMENT_CONCURRENCY: env.positiveInt(8),
  PSP_URL: env.httpUrl().default("http://127.0.0.1:4010"),
  /** Deadline of one call to the provider; the request is aborted when it passes. */
  PSP_TIMEOUT_MS: env.positiveInt(1_500),
  /** Tries per operation before an authorization is answered payment.failed (or a capture retried later). */
  PSP_MAX_ATTEMPTS: env.positiveInt(3),
  PSP_RETRY_BASE_MS: env.positiveInt(100),
  PSP_RETRY_CAP_MS: env.positiveInt(1_000),
  /** The breaker opens when more than this share (%) of recent calls failed… */
  PSP_BREAKER_ERROR_PERCENT: z.coerce.number().min(1).max(100).default(50),
  /** …and at least this many calls were made in the window. */
  PSP_BREAKER_VOLUME_THRESHOLD: env.positiveInt(4),
  PSP_BREAKER_WINDOW_MS: env.positiveInt(10_000),
  /** How long the breaker stays open before one trial call. */
  PSP_BREAKER_RESET_MS: env.positiveInt(8_000),
  LOG_LEVEL: env.logLevel(),
  LOG_FORMAT: env.logFormat(),
});

export type PaymentEnv = z.output<typeof schema>;

export const loadPaymentEnv = (source: NodeJS.ProcessEnv = process.env) => loadEnvOrExit(schema, source);
