// One idempotency key per checkout attempt. An attempt is one set of details (email, address,
// shipping method, payment token): every submission of it — a double click, a retry after a network
// failure, a second try once payments are back — carries the same key, so the orders service makes at
// most one order from it. Changing any detail (a new card gives a new token) starts a new attempt.

export interface AttemptRequest {
  email: string;
  address: object;
  shippingMethod: string;
  paymentToken: string;
}

export interface Attempt {
  key: string;
  fingerprint: string;
}

function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (value && typeof value === "object")
    return Object.fromEntries(
      Object.entries(value)
        .filter(([, v]) => v !== undefined && v !== "")
        .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
        .map(([k, v]) => [k, canonical(v)]),
    );
  return value;
}

export function fingerprintOf(request: AttemptRequest): string {
  return JSON.stringify(canonical({ ...request, email: request.email.toLowerCase() }));
}

/** A key the orders service accepts: 16–128 letters, digits, - or _. */
export function newIdempotencyKey(randomUUID: () => string = () => crypto.randomUUID()): string {
  return `checkout_${randomUUID().replace(/-/g, "")}`;
}

export const IDEMPOTENCY_KEY = /^[A-Za-z0-9_-]{16,128}$/;

/** The attempt for this request: the previous one when nothing changed, else a new key. */
export function attemptFor(
  previous: Attempt | null,
  request: AttemptRequest,
  newKey = newIdempotencyKey,
): Attempt {
  const fingerprint = fingerprintOf(request);
  if (previous && previous.fingerprint === fingerprint) return previous;
  return { key: newKey(), fingerprint };
}
