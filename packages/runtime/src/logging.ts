// Log shipping's configuration, the same variables in every process's environment, and the logger each
// composition root makes from it (createLoggerFrom). Off unless LOG_SHIP_URL names the log store: then
// every line also goes to OpenSearch (see @emporium/observability/log-shipping); stdout keeps them all.
import { z } from "zod";
import { env } from "@emporium/config";
import { createLogger, type Logger } from "@emporium/observability";
import { DEFAULT_LOG_INDEX_PREFIX, LogShipper } from "@emporium/observability/log-shipping";

export const logShippingEnvShape = {
  LOG_SHIP_URL: env
    .httpUrl()
    .optional()
    .describe(
      "The log store (OpenSearch or Elasticsearch) every log line is also sent to, e.g. http://opensearch:9200; unset: stdout only.",
    ),
  LOG_SHIP_INDEX_PREFIX: z
    .string()
    .regex(/^[a-z0-9][a-z0-9_-]{0,60}$/, "must be a lower-case index name such as emporium-logs")
    .default(DEFAULT_LOG_INDEX_PREFIX)
    .describe(
      "Log lines go to one index a day, <prefix>-YYYY.MM.DD, under an index template for <prefix>-*.",
    ),
  LOG_SHIP_RETENTION_DAYS: z.coerce
    .number()
    .int()
    .min(0)
    .max(3650)
    .default(14)
    .describe("Daily log indices older than this many days are deleted (0: never)."),
  LOG_SHIP_BUFFER: z.coerce
    .number()
    .int()
    .min(100)
    .max(1_000_000)
    .default(10_000)
    .describe(
      "Log lines held while the store is slow or away; past that, new lines are dropped and counted.",
    ),
};

export interface LoggingEnv {
  LOG_LEVEL: string;
  LOG_FORMAT: "json" | "pretty";
  LOG_SHIP_URL?: string | undefined;
  LOG_SHIP_INDEX_PREFIX: string;
  LOG_SHIP_RETENTION_DAYS: number;
  LOG_SHIP_BUFFER: number;
}

let shipper: LogShipper | undefined;

/** The process's logger, shipping to the log store when the environment names one. */
export function createLoggerFrom(e: LoggingEnv, service: string): Logger {
  if (e.LOG_SHIP_URL) {
    shipper ??= new LogShipper({
      url: e.LOG_SHIP_URL,
      indexPrefix: e.LOG_SHIP_INDEX_PREFIX,
      retentionDays: e.LOG_SHIP_RETENTION_DAYS,
      maxBuffered: e.LOG_SHIP_BUFFER,
    });
  }
  return createLogger({
    service,
    level: e.LOG_LEVEL,
    format: e.LOG_FORMAT,
    ...(shipper ? { ship: shipper } : {}),
  });
}

/** Sends the lines still buffered and stops shipping; a no-op when shipping is off. */
export async function stopLogShipping(): Promise<void> {
  const s = shipper;
  shipper = undefined;
  await s?.close();
}
