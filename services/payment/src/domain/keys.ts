// Idempotency keys sent to the provider, derived from the order alone: a command redelivered after a
// crash (same message, or a new message for the same order) sends the same key, and the provider
// answers it with what it did the first time instead of charging again.

/** The shopper's second card on the same order (attempt 2) is a new authorization with its own key. */
export const authorizeKey = (orderId: string, attempt = 1) =>
  attempt === 1 ? `authorize:${orderId}` : `authorize:${orderId}:${attempt}`;

export const captureKey = (orderId: string) => `capture:${orderId}`;

/** Each refund of an order is told apart by how much had been refunded before it. */
export const refundKey = (orderId: string, refundedSoFar: number) => `refund:${orderId}:${refundedSoFar}`;
