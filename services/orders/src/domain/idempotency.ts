// Idempotency keys behave like Stripe's: the same key with the same request gives the same result; the
// same key with a different request is refused. "The same request" is a hash of its canonical JSON.
import { createHash } from "node:crypto";

function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (value && typeof value === "object")
    return Object.fromEntries(
      Object.entries(value)
        .filter(([, v]) => v !== undefined)
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([k, v]) => [k, canonical(v)]),
    );
  return value;
}

export function requestHash(body: unknown): string {
  return createHash("sha256")
    .update(JSON.stringify(canonical(body)))
    .digest("hex");
}

export const IDEMPOTENCY_KEY = /^[A-Za-z0-9_-]{16,128}$/;
