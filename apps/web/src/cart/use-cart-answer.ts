"use client";
import { useEffect, useRef } from "react";
import type { ClientCart } from "./client-cart";
import type { CartFormState } from "./form-state";

/** Calls `onCart` once for each new successful answer of a cart form (never again on re-render). */
export function useCartAnswer(state: CartFormState, onCart: (cart: ClientCart) => void): void {
  const handled = useRef(state);
  useEffect(() => {
    if (handled.current === state) return;
    handled.current = state;
    if (state.status === "done" && state.cart) onCart(state.cart);
  });
}
