import { z } from "zod";
import { env, loadEnvOrExit } from "@emporium/config";

const schema = z.object({
  PSP_HOST: z.string().default("127.0.0.1"),
  PSP_PORT: env.port(4010),
  /** Entries kept per in-memory table (tokens, authorizations, idempotency keys, per-order stats). */
  PSP_MAX_RECORDS: env.positiveInt(10_000),
  LOG_LEVEL: env.logLevel(),
  LOG_FORMAT: env.logFormat(),
});

export const loadPspEnv = (source: NodeJS.ProcessEnv = process.env) => loadEnvOrExit(schema, source);
