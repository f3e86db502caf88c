// Shared by the rate limiter suites: a silent logger and names no other run uses.
import { randomUUID } from "node:crypto";
import { createLogger } from "@emporium/observability";

export const log = createLogger({
  service: "rate-limit-test",
  level: process.env.TEST_LOG_LEVEL ?? "silent",
});

export function unique(prefix: string): string {
  return `${prefix}-${randomUUID().slice(0, 8)}`;
}
