// checkout.placeOrder's input: the cart, who and where to ship to, how, the payment method's token,
// and the idempotency key (or the Idempotency-Key header).
import { z } from "zod";
import { address, cartToken, email, idempotencyKey, paymentToken, shippingMethod } from "../schemas";

export const placeOrderInput = z.strictObject({
  cartToken,
  email,
  shippingAddress: address,
  shippingMethod,
  paymentToken,
  /** Or the Idempotency-Key header. */
  idempotencyKey: idempotencyKey.optional(),
  /**
   * The shopper is at the checkout and can try another card: a refused card holds the order (stock
   * reserved, cart open again) until she places from the cart again or the reservation expires.
   */
  holdOnDecline: z.boolean().optional(),
});
export type PlaceOrderRequest = z.infer<typeof placeOrderInput>;
