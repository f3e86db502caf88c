"use client";
// The cart as the page's client components share it: the header count, the drawer, the cart page and
// the add-to-cart form. It starts from what the server rendered and follows every cart action's answer.
import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from "react";
import type { ClientCart } from "./client-cart";

export interface CartContextValue {
  cart: ClientCart | null;
  /** The orders service did not answer when the page was rendered. */
  unavailable: boolean;
  setCart: (cart: ClientCart | null) => void;
  drawerOpen: boolean;
  openDrawer: () => void;
  closeDrawer: () => void;
}

const noop = () => {};

const CartContext = createContext<CartContextValue>({
  cart: null,
  unavailable: false,
  setCart: noop,
  drawerOpen: false,
  openDrawer: noop,
  closeDrawer: noop,
});

export function useCart(): CartContextValue {
  return useContext(CartContext);
}

export interface CartProviderProps {
  initialCart: ClientCart | null;
  unavailable: boolean;
  children: ReactNode;
}

export function CartProvider({ initialCart, unavailable, children }: CartProviderProps) {
  const [cart, setCart] = useState(initialCart);
  const [fromServer, setFromServer] = useState(initialCart);
  const [drawerOpen, setDrawerOpen] = useState(false);
  // A server render after a cart change (an action that set the cookie) brings a newer cart.
  if (fromServer !== initialCart) {
    setFromServer(initialCart);
    setCart(initialCart);
  }
  // Stable functions: forms call them from effects that must not re-run when the drawer opens or closes.
  const openDrawer = useCallback(() => setDrawerOpen(true), []);
  const closeDrawer = useCallback(() => setDrawerOpen(false), []);
  const value = useMemo<CartContextValue>(
    () => ({
      cart,
      unavailable: unavailable && cart === null,
      setCart,
      drawerOpen,
      openDrawer,
      closeDrawer,
    }),
    [cart, unavailable, drawerOpen, openDrawer, closeDrawer],
  );
  return <CartContext.Provider value={value}>{children}</CartContext.Provider>;
}
