import type { ClientCart } from "./client-cart";

/** What a cart form shows after it was sent: nothing yet, the new cart, or what went wrong. */
export interface CartFormState {
  status: "idle" | "done" | "error";
  /** The variant the answer is about, so an answer is not shown beside another variant. */
  variantId: string | null;
  field: string | null;
  message: string | null;
  cart: ClientCart | null;
}

export const IDLE_CART_FORM: CartFormState = {
  status: "idle",
  variantId: null,
  field: null,
  message: null,
  cart: null,
};
