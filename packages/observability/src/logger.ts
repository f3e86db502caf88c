// Structured JSON logs (pino) for the ELK stack: one line per event with service, level and — inside a
// request — its request and trace ids. Secrets are redacted by key wherever they appear.
import pino, { type DestinationStream, type Logger } from "pino";

export type { Logger };

export interface LoggerOptions {
  service: string;
  level?: string;
  /** "pretty" for humans in development; "json" (default) everywhere else. */
  format?: "json" | "pretty";
  /** A second destination beside stdout for every line, e.g. a LogShipper (log-shipping.ts). */
  ship?: DestinationStream;
}

export function createLogger(options: LoggerOptions): Logger {
  const pretty = {
    target: "pino-pretty",
    options: { colorize: true, translateTime: "HH:MM:ss", ignore: "pid,hostname,service" },
  };
  const settings = {
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
  };
  if (options.ship) {
    // The logger's level decides what is written; both destinations take every line it writes.
    const console = options.format === "pretty" ? pino.transport(pretty) : process.stdout;
    return pino(
      settings,
      pino.multistream([
        { level: "trace", stream: console },
        { level: "trace", stream: options.ship },
      ]),
    );
  }
  return pino({ ...settings, ...(options.format === "pretty" ? { transport: pretty } : {}) });
}
