// Idempotency keys sent to the provider, derived from the order alone: a command redelivered after a
// crash (same message, or a new message for the same order) sends the same key, and the provider
// answers it with what it did the first time instead of charging again.

export const authorizeKey = (orderId: string) => `authorize:${orderId}`;

export const captureKey = (orderId: string) => `capture:${orderId}`;

/** Each refund of an order is told apart by how much had been refunded before it. */
export const refundKey = (orderId: string, refundedSoFar: number) => `refund:${orderId}:${refundedSoFar}`;
