"use client";
// The cart as the page's client components share it: the header count, the drawer, the cart page and
// the add-to-cart form. It starts from what the server rendered — or, on a page a shared cache keeps
// (whose HTML is the same for every shopper, see src/shared-cache.ts), from the cart asked for once the
// page has loaded — and follows every cart action's answer.
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from "react";
import { useBrowserRead } from "@/use-browser-read";
import { readCart } from "./actions";
import type { ClientCart } from "./client-cart";

export interface CartContextValue {
  cart: ClientCart | null;
  /** False until the browser has the cart on a page rendered without it (then `cart` is null). */
  known: boolean;
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
  known: true,
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
  /** The page was rendered without the cart (a shared page): ask for it from the browser. */
  loadInBrowser: boolean;
  children: ReactNode;
}

export function CartProvider({ initialCart, unavailable, loadInBrowser, children }: CartProviderProps) {
  const [local, setLocal] = useState<{ cart: ClientCart | null } | null>(null);
  const [fromServer, setFromServer] = useState(initialCart);
  const [drawerOpen, setDrawerOpen] = useState(false);
  // Asked once per tab; a cart action's answer (setCart) takes its place from then on.
  const loaded = useBrowserRead(readCart, loadInBrowser && local === null);
  // A server render after a cart change (an action that set the cookie) brings a newer cart.
  if (fromServer !== initialCart) {
    setFromServer(initialCart);
    if (!loadInBrowser) setLocal({ cart: initialCart });
  }
  const cart = local ? local.cart : loadInBrowser ? (loaded.data?.cart ?? null) : initialCart;
  const known = local !== null || !loadInBrowser || loaded.isSuccess;
  const notAnswering = local
    ? false
    : loadInBrowser
      ? (loaded.data?.unavailable ?? false) || loaded.isError
      : unavailable;
  const setCart = useCallback((next: ClientCart | null) => setLocal({ cart: next }), []);
  const { refetch } = loaded;
  // A page the browser brings back from its back/forward cache shows the cart as it was when the
  // shopper left; ask again, as the cart may have changed on the pages she went to.
  useEffect(() => {
    if (!loadInBrowser) return;
    const onPageShow = (event: PageTransitionEvent) => {
      if (!event.persisted) return;
      setLocal(null);
      refetch();
    };
    window.addEventListener("pageshow", onPageShow);
    return () => window.removeEventListener("pageshow", onPageShow);
  }, [loadInBrowser, refetch]);
  // Stable functions: forms call them from effects that must not re-run when the drawer opens or closes.
  const openDrawer = useCallback(() => setDrawerOpen(true), []);
  const closeDrawer = useCallback(() => setDrawerOpen(false), []);
  const value = useMemo<CartContextValue>(
    () => ({
      cart,
      known,
      unavailable: notAnswering && cart === null,
      setCart,
      drawerOpen,
      openDrawer,
      closeDrawer,
    }),
    [cart, known, notAnswering, setCart, drawerOpen, openDrawer, closeDrawer],
  );
  return <CartContext.Provider value={value}>{children}</CartContext.Provider>;
}
