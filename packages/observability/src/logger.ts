// Structured JSON logs (pino) for the ELK stack: one line per event with service, level and — inside a
// request — its request and trace ids. Secrets are redacted by key wherever they appear.
import pino, { type Logger } from "pino";

export type { Logger };

export interface LoggerOptions {
  service: string;
  level?: string;
  /** "pretty" for humans in development; "json" (default) everywhere else. */
  format?: "json" | "pretty";
}

export function createLogger(options: LoggerOptions): Logger {
  return pino({
    name: options.service,
    level: options.level ?? "info",
    base: { service: options.service },
    timestamp: pino.stdTimeFunctions.isoTime,
    redact: {
      paths: [
        "password",
        "*.password",
        "token",
        "*.token",
        "authorization",
        "*.authorization",
        "cookie",
        "*.cookie",
        "secret",
        "*.secret",
      ],
      censor: "[redacted]",
    },
    ...(options.format === "pretty"
      ? {
          transport: {
            target: "pino-pretty",
            options: { colorize: true, translateTime: "HH:MM:ss", ignore: "pid,hostname,service" },
          },
        }
      : {}),
  });
}
