// The orders service's rate limits: placing an order per cart and per address (a card-testing script
// tries many cards on one cart, or many carts from one network), and, as in every service, changes per
// staff member. The port is @emporium/rate-limit's (Redis-backed when REDIS_URL is set, in-process
// otherwise); tests hand in limiters with small numbers.
import type { RateLimiter, ServiceLimits } from "@emporium/service-kit/limits";

export interface PlaceOrderLimits {
  /** Keyed by the cart's id (from its verified token). */
  placeOrderPerCart: RateLimiter;
  /** Keyed by the caller's address (rateKeyOfIp), whichever carts it checks out. */
  placeOrderPerIp: RateLimiter;
  /**
   * Keyed by the idempotency key, one point per window: tells an attempt's first call from its repeats
   * (a retry after a timeout, a double click, fifty tabs). A repeat can only replay the order or be
   * refused as a different request — it never tries another card — so it is not counted against the
   * limits above, and a shopper retrying her own order is never told to wait.
   */
  placeOrderKeys: RateLimiter;
}

export interface OrdersLimits extends ServiceLimits, PlaceOrderLimits {}
