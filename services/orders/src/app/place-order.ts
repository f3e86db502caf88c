// placeOrder: one transaction turns the cart into a PENDING order, records the idempotency key, and
// writes `order.placed` and the first saga command (`inventory.reserve`) to the outbox. The same key
// with the same request returns the same order — even when fifty arrive at once, since they meet at
// the key's unique index; the same key with a different request is refused. Each address and each cart
// get a limited number of attempts per window (a card-testing script is stopped before it reaches the
// payment provider), spent before anything is stored.
// From the storefront's checkout (holdOnDecline) the order is held for another card when its card is
// refused, and its cart opens again (see domain/saga.ts). Placing from that cart then pays the held order
// with the new card when nothing else changed (the saga's retry: a new authorize, stock still held), or
// cancels it (its stock released) and places a new order when the cart or the details did.
import { randomUUID } from "node:crypto";
import { createEnvelope, orderPlacedV1, TOPICS, type Address } from "@emporium/contracts";
import type { OutboxMessage } from "@emporium/messaging";
import type { Logger } from "@emporium/observability";
import { computeTotals, sameOrder, type ShippingMethodId } from "../domain/checkout";
import { awaitsPayment, sagaFactsSchema, type SagaFacts } from "../domain/saga";
import {
  ConflictError,
  InvalidInputError,
  NotFoundError,
  UnavailableError,
} from "@emporium/service-kit/errors";
import { rateKeyOfIp, spendAttempt } from "@emporium/service-kit/limits";
import { requestHash } from "../domain/idempotency";
import { newOrderNumber } from "../domain/order-number";
import { orderToken, verifyCart } from "../domain/tokens";
import type { CheckoutStore } from "../ports/checkout-store";
import type { PlaceOrderLimits } from "../ports/limits";
import { commandMessage } from "./outbox-messages";
import { decide } from "./saga-steps";
import type { PlacedOrder } from "./views";

export interface PlaceOrderInput {
  cartToken: string;
  email: string;
  shippingAddress: Address;
  shippingMethod: ShippingMethodId;
  paymentToken: string;
  idempotencyKey: string;
  customerId?: string | null;
  traceparent?: string;
  /** The shopper's address, as the kit read it (ctx.clientIp). */
  clientIp: string;
  /** A shopper is at the checkout: a refused card holds the order for another one instead of cancelling it. */
  holdOnDecline?: boolean;
}

export interface PlaceOrderDeps {
  checkout: CheckoutStore;
  secret: Buffer;
  log: Logger;
  /** Whether payments can be taken right now (the payment worker's breaker state). */
  paymentsAvailable: () => boolean;
  reservationTtlMs: number;
  limits: PlaceOrderLimits;
  now?: () => Date;
}

export const PLACE_ORDER_PER_IP_LIMITED = "Too many orders placed from your network";
export const PLACE_ORDER_PER_CART_LIMITED = "Too many attempts to place an order with this cart";

const KEY_TTL_MS = 24 * 3_600_000;

export async function placeOrder(d: PlaceOrderDeps, input: PlaceOrderInput): Promise<PlacedOrder> {
  if (!d.paymentsAvailable())
    throw new UnavailableError(
      "Payments are temporarily unavailable, so we cannot take your order honestly right now. Your cart is saved — please try again in a few minutes.",
    );
  // Only an attempt's first call counts; its repeats (same idempotency key) replay or are refused.
  const firstCall = (await d.limits.placeOrderKeys.consume(input.idempotencyKey)).allowed;
  // The address first, so that forged cart tokens are counted too.
  if (firstCall)
    await spendAttempt(d.limits.placeOrderPerIp, rateKeyOfIp(input.clientIp), PLACE_ORDER_PER_IP_LIMITED);
  const cartId = verifyCart(d.secret, input.cartToken);
  if (!cartId) throw new InvalidInputError("cartToken", "is not a cart this shop issued");
  if (firstCall) await spendAttempt(d.limits.placeOrderPerCart, cartId, PLACE_ORDER_PER_CART_LIMITED);
  const now = d.now?.() ?? new Date();
  const hash = requestHash({
    cartId,
    email: input.email.toLowerCase(),
    shippingAddress: input.shippingAddress,
    shippingMethod: input.shippingMethod,
    paymentToken: input.paymentToken,
  });

  for (let attempt = 1; ; attempt++) {
    try {
      return await d.checkout.transaction(async (tx) => {
        const { claimed, cart } = await tx.claimKeyAndLockCart({
          key: input.idempotencyKey,
          scope: "placeOrder",
          requestHash: hash,
          expiresAt: new Date(now.getTime() + KEY_TTL_MS),
          cartId,
          now,
        });
        if (!claimed) {
          const key = await tx.findIdempotencyKey(input.idempotencyKey);
          if (!key || key.requestHash !== hash || key.scope !== "placeOrder")
            throw new ConflictError(
              "This Idempotency-Key was already used for a different request; use a new key for a new order",
            );
          if (!key.orderId || !key.orderNumber || !key.orderStatus)
            throw new ConflictError("A request with this Idempotency-Key is still being processed");
          return {
            orderId: key.orderId,
            number: key.orderNumber,
            status: key.orderStatus,
            accessToken: orderToken(d.secret, key.orderId),
            replayed: true,
          };
        }

        if (!cart) throw new NotFoundError("That cart no longer exists; start a new one");
        if (cart.convertedOrderId)
          throw new InvalidInputError("cartToken", "this cart was already checked out");
        if (cart.expired) throw new NotFoundError("Your cart expired; start a new one");
        if (cart.lines.length === 0) throw new InvalidInputError("cartToken", "the cart is empty");

        const held = cart.heldOrderId ? await tx.lockHeldOrder(cart.id) : null;
        if (held) {
          const facts = sagaFactsSchema.parse(held.saga);
          const again = awaitsPayment(facts) && sameOrder(held, { ...input, lines: cart.lines });
          const step = decide(
            // The new card goes only into the authorize command; the order keeps no token.
            again ? { ...held, paymentToken: input.paymentToken } : held,
            facts,
            again
              ? { type: "checkout.retry-payment" }
              : { type: "checkout.abandon", reason: "Replaced by a new checkout from the same cart" },
            { now, reservationTtlMs: d.reservationTtlMs, traceparent: input.traceparent },
            null,
          );
          if (!(await tx.writeSagaStep(step))) throw new Error(`order ${held.id} changed under its row lock`);
          if (again) {
            await tx.resumeOrder({ orderId: held.id, cartId: cart.id, idempotencyKey: input.idempotencyKey });
            return {
              orderId: held.id,
              number: held.number,
              status: step.status,
              accessToken: orderToken(d.secret, held.id),
              replayed: false,
              resumed: true,
            };
          }
        }

        const totals = computeTotals(cart.lines, input.shippingMethod);
        const orderId = randomUUID();
        const number = newOrderNumber();
        const { lines } = cart;
        const forCommands = {
          id: orderId,
          number,
          email: input.email,
          currency: cart.currency,
          total: totals.total,
          shippingMethod: input.shippingMethod,
          shippingAddress: input.shippingAddress,
          paymentToken: input.paymentToken,
          lines,
          reservationExpiresAt: new Date(now.getTime() + d.reservationTtlMs),
        };
        const messages: OutboxMessage[] = [
          {
            kind: "event",
            topic: TOPICS.orders,
            envelope: createEnvelope(
              orderPlacedV1,
              orderId,
              {
                orderId,
                number,
                email: input.email,
                customerId: input.customerId ?? null,
                currency: cart.currency,
                lines,
                subtotal: totals.subtotal,
                shippingTotal: totals.shippingTotal,
                total: totals.total,
                shippingMethod: input.shippingMethod,
                shippingAddress: input.shippingAddress,
              },
              { traceparent: input.traceparent },
            ),
          },
          commandMessage(forCommands, { type: "inventory.reserve" }, input.traceparent),
        ];
        await tx.insertOrder(
          {
            id: orderId,
            number,
            customerId: input.customerId ?? null,
            email: input.email,
            currency: cart.currency,
            totals,
            shippingMethod: input.shippingMethod,
            shippingAddress: input.shippingAddress,
            paymentToken: input.paymentToken,
            lines: lines.map((l) => ({ id: randomUUID(), ...l })),
            timelineId: randomUUID(),
            cartId: cart.id,
            idempotencyKey: input.idempotencyKey,
            saga: input.holdOnDecline ? ({ holdForRetry: { cartId: cart.id } } satisfies SagaFacts) : {},
          },
          messages,
        );
        return {
          orderId,
          number,
          status: "PENDING" as const,
          accessToken: orderToken(d.secret, orderId),
          replayed: false,
        };
      });
    } catch (err) {
      // Two first requests with one key can both miss each other's row under some interleavings;
      // the unique index settles it, and a retry then replays the winner's order.
      if (d.checkout.isDuplicate(err) && attempt < 3) continue;
      throw err;
    }
  }
}
