// What went wrong when an order was placed, in terms of the checkout page: which step and field to
// send the shopper back to, or what to tell them when no field is to blame.
import type { OrdersFailure } from "@/orders/errors";
import type { CardField } from "./card";
import type { DetailField } from "./details";

export type StepId = "details" | "shipping" | "payment" | "review";

export type CheckoutProblem =
  | { kind: "details"; errors: Partial<Record<DetailField, string>> }
  | { kind: "shipping"; message: string }
  | { kind: "payment"; field: CardField | null; message: string }
  /** The cart cannot be ordered any more (expired, empty, already ordered): back to the cart. */
  | { kind: "cart"; message: string }
  /**
   * Too many attempts from this connection or with this cart: this request changed nothing, and the
   * same attempt may be sent again once the wait has passed (its key makes a second order impossible).
   */
  | { kind: "limited"; message: string }
  /** Payments (or the whole order system) are down; the cart is kept and trying later will work. */
  | { kind: "unavailable"; message: string }
  /** Nothing the shopper did wrong; trying again (with the same attempt) is safe. */
  | { kind: "retry"; message: string };

const DETAIL_PATHS: Record<string, DetailField> = {
  email: "email",
  "shippingAddress.name": "name",
  "shippingAddress.line1": "line1",
  "shippingAddress.line2": "line2",
  "shippingAddress.city": "city",
  "shippingAddress.region": "region",
  "shippingAddress.postalCode": "postalCode",
  "shippingAddress.country": "country",
  "shippingAddress.phone": "phone",
};

export function stepOfProblem(problem: CheckoutProblem): StepId {
  if (problem.kind === "details") return "details";
  if (problem.kind === "shipping") return "shipping";
  if (problem.kind === "payment") return "payment";
  return "review";
}

/** A refusal from checkout.placeOrder (or checkout.summary) as a checkout problem. */
export function checkoutProblem(failure: OrdersFailure): CheckoutProblem {
  switch (failure.kind) {
    case "invalid": {
      const details: Partial<Record<DetailField, string>> = {};
      for (const [path, message] of Object.entries(failure.fields)) {
        const field = DETAIL_PATHS[path];
        if (field) details[field] = message;
      }
      if (Object.keys(details).length > 0) return { kind: "details", errors: details };
      const field = failure.field ?? "";
      if (field === "shippingMethod") return { kind: "shipping", message: failure.message };
      if (field === "paymentToken")
        return {
          kind: "payment",
          field: null,
          message: "Your card details have expired; please enter them again",
        };
      if (field === "cartToken") return { kind: "cart", message: failure.message };
      return { kind: "retry", message: failure.message };
    }
    case "not-found":
      return { kind: "cart", message: failure.message };
    case "limited":
      return { kind: "limited", message: failure.message };
    case "unavailable":
      return { kind: "unavailable", message: failure.message };
    case "conflict":
      return {
        kind: "retry",
        message:
          "We are still processing your order. Please wait a moment and try again — you will not be charged twice.",
      };
    case "unexpected":
      return { kind: "retry", message: failure.message };
  }
}
