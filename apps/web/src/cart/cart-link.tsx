"use client";
// The header's cart: a link to /cart (which is what it is without JavaScript, before hydration, and
// on a modified click), that opens the cart drawer instead once React runs. On a page rendered without
// the cart (one a shared cache keeps) it says no count until the browser has asked for the cart.
import type { MouseEvent } from "react";
import { useHydrated } from "@/use-hydrated";
import { itemCountLabel } from "./client-cart";
import { useCart } from "./cart-context";
import { preloadCartContents } from "./cart-drawer";

export function CartLink() {
  const { cart, known, openDrawer } = useCart();
  const hydrated = useHydrated();
  const count = cart?.itemCount ?? 0;
  const onClick = (event: MouseEvent<HTMLAnchorElement>) => {
    if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    openDrawer();
  };
  return (
    <a
      href="/cart"
      onClick={onClick}
      onPointerEnter={() => void preloadCartContents()}
      onFocus={() => void preloadCartContents()}
      aria-label={known ? `Cart, ${itemCountLabel(count)}` : "Cart"}
      aria-haspopup={hydrated ? "dialog" : undefined}
      className="relative flex items-center gap-2 rounded-md px-2 py-2 text-sm font-medium text-ink hover:bg-canvas-muted"
    >
      <svg aria-hidden="true" viewBox="0 0 24 24" className="size-6">
        <path
          d="M6 7h12l-1 13H7L6 7zM9 7a3 3 0 016 0"
          fill="none"
          stroke="currentColor"
          strokeWidth="1.8"
          strokeLinejoin="round"
        />
      </svg>
      <span className="sr-only sm:not-sr-only">Cart</span>
      {/* The space makes the visible text read "Cart 1", which the accessible name contains. */}{" "}
      {count > 0 && (
        <span
          aria-hidden="true"
          data-testid="cart-count"
          className="absolute -top-0.5 left-6 min-w-5 rounded-full bg-brand-700 px-1.5 text-center text-xs leading-5 font-semibold text-white tabular-nums sm:static sm:-ml-1"
        >
          {count}
        </span>
      )}
    </a>
  );
}
