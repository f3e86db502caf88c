// The payment provider simulator's configuration. The schema is exported so docs/configuration.md can be
// generated from it; `.describe` says what each variable is for.
import { z } from "zod";
import { env, loadEnvOrExit } from "@emporium/config";
import { tracingEnvShape } from "@emporium/runtime/tracing";
import { logShippingEnvShape } from "@emporium/runtime";

export const pspEnvSchema = z.object({
  PSP_HOST: z.string().default("127.0.0.1").describe("The interface the simulator listens on."),
  PSP_PORT: env.port(4010).describe("The simulated provider's API (/v1), its controls and /healthz."),
  PSP_MAX_RECORDS: env
    .positiveInt(10_000)
    .describe(
      "Entries kept per in-memory table (tokens, authorizations, idempotency keys, per-order stats).",
    ),
  ...tracingEnvShape,
  LOG_LEVEL: env.logLevel(),
  LOG_FORMAT: env.logFormat(),
  ...logShippingEnvShape,
});

export const loadPspEnv = (source: NodeJS.ProcessEnv = process.env) => loadEnvOrExit(pspEnvSchema, source);
