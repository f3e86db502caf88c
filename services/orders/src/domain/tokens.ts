// Capability tokens: an HMAC over a cart or order id. Whoever holds a cart token may change that cart;
// whoever holds an order token may watch that order. The secret never leaves the orders service.
import { createHmac, timingSafeEqual } from "node:crypto";

function mac(secret: Buffer, purpose: string, id: string): string {
  return createHmac("sha256", secret).update(`${purpose}:${id}`).digest("base64url").slice(0, 32);
}

function check(secret: Buffer, purpose: string, id: string, signature: string): boolean {
  const expected = Buffer.from(mac(secret, purpose, id));
  const given = Buffer.from(signature);
  return expected.length === given.length && timingSafeEqual(expected, given);
}

export function signCart(secret: Buffer, cartId: string): string {
  return `${cartId}.${mac(secret, "cart", cartId)}`;
}

/** The cart id inside a token, or null when the token was not made by this service. */
export function verifyCart(secret: Buffer, token: string): string | null {
  // Exactly "<id>.<signature>": a token with a part added ("<id>.<signature>.x") is not one this
  // service made, even though its first two parts are.
  const parts = token.split(".");
  const [id, signature] = parts;
  return parts.length === 2 && id && signature && check(secret, "cart", id, signature) ? id : null;
}

export function orderToken(secret: Buffer, orderId: string): string {
  return mac(secret, "order", orderId);
}

export function verifyOrderToken(secret: Buffer, orderId: string, token: string): boolean {
  return check(secret, "order", orderId, token);
}
