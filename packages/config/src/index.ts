// Environment parsing shared by every process: one zod schema per process, read once at start-up.
// A bad or missing variable stops the process with its name and what is wrong — never a silent default.
import { z } from "zod";

export class ConfigError extends Error {
  override name = "ConfigError";
  constructor(readonly problems: string[]) {
    super(`invalid configuration:\n${problems.map((p) => `  - ${p}`).join("\n")}`);
  }
}

/** Parses `env` with `schema`; throws ConfigError naming every bad variable. */
export function parseEnv<S extends z.ZodType>(schema: S, env: NodeJS.ProcessEnv = process.env): z.output<S> {
  // Empty strings mean "unset": `FOO= npm run dev` must behave like leaving FOO out.
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ""));
  const parsed = schema.safeParse(cleaned);
  if (parsed.success) return parsed.data;
  throw new ConfigError(
    parsed.error.issues.map((i) => `${i.path.join(".") || "(environment)"}: ${i.message}`),
  );
}

/** For a process's main: parse or print the problems and exit with status 2. */
export function loadEnvOrExit<S extends z.ZodType>(
  schema: S,
  env: NodeJS.ProcessEnv = process.env,
): z.output<S> {
  try {
    return parseEnv(schema, env);
  } catch (err) {
    if (err instanceof ConfigError) {
      console.error(err.message);
      process.exit(2);
    }
    throw err;
  }
}

/** Common field types. */
export const env = {
  port: (fallback: number) => z.coerce.number().int().min(1).max(65535).default(fallback),
  postgresUrl: () => z.string().regex(/^postgres(ql)?:\/\//, "must be a postgresql:// URL"),
  httpUrl: () => z.url({ protocol: /^https?$/, error: "must be an http(s) URL" }),
  logLevel: () =>
    z
      .enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"])
      .default("info")
      .describe("The least severe log entry written (pino level)."),
  logFormat: () =>
    z
      .enum(["json", "pretty"])
      .default("json")
      .describe("JSON lines for a log collector, or pretty for a terminal (npm run dev sets pretty)."),
  drainMs: () =>
    z.coerce
      .number()
      .int()
      .min(0)
      .max(60_000)
      .default(0)
      .describe(
        "On SIGTERM, how long (ms) the process keeps serving while /readyz answers 503 (draining), so the gateway and Kubernetes take it out of rotation before it closes; 0: close at once.",
      ),
  /** A secret key (an HMAC or token key): 32 characters at least. */
  secret: () => z.string().min(32, "must be at least 32 characters"),
  positiveInt: (fallback: number) => z.coerce.number().int().positive().default(fallback),
  flag: (fallback: boolean) =>
    z
      .enum(["1", "0", "true", "false", "yes", "no"])
      .default(fallback ? "1" : "0")
      .transform((v) => v === "1" || v === "true" || v === "yes"),
};
