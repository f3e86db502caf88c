import type { OrdersRouterInputs } from "@emporium/orders/client";
import type { ClientCart } from "@/cart/client-cart";
import type { CheckoutProblem } from "./problems";

export type ShippingMethodId = OrdersRouterInputs["checkout"]["summary"]["shippingMethod"];

/** The orders service's shipping methods (the type keeps this list in step with it). */
export const SHIPPING_METHOD_IDS = ["standard", "express"] as const satisfies readonly ShippingMethodId[];

export function isShippingMethodId(value: string): value is ShippingMethodId {
  return SHIPPING_METHOD_IDS.some((id) => id === value);
}

/** The review step's totals, from the orders service (the cart without its token). */
export interface CheckoutSummary {
  cart: ClientCart;
  subtotal: number;
  shippingTotal: number;
  taxTotal: number;
  total: number;
  payments: { available: boolean; reason: string };
}

export type ReviewResult = { ok: true; summary: CheckoutSummary } | { ok: false; problem: CheckoutProblem };

/** What placing an order returns when it did not place one (success redirects to the order). */
export type PlaceOrderResult = { ok: false; problem: CheckoutProblem };
