"use client";
// What the cart drawer shows once opened: the lines and the summary with "View cart". Loaded with the
// first opening (see cart-drawer.tsx), not with every page. Following a link out of it (checkout, a
// product, the cart page) closes the drawer.
import Link from "next/link";
import type { MouseEvent } from "react";
import { CartLines, CartSummary } from "./cart-contents";
import { useCart } from "./cart-context";

function useCloseOnLink() {
  const { closeDrawer } = useCart();
  return (event: MouseEvent<HTMLDivElement>) => {
    if (event.target instanceof Element && event.target.closest("a[href]")) closeDrawer();
  };
}

export function DrawerLines() {
  const closeOnLink = useCloseOnLink();
  return (
    <div onClick={closeOnLink}>
      <CartLines returnTo="/cart" compact />
    </div>
  );
}

export function DrawerSummary() {
  const closeOnLink = useCloseOnLink();
  return (
    <div onClick={closeOnLink}>
      <CartSummary
        extra={
          <Link href="/cart" className="text-center text-sm font-medium text-brand-700 hover:underline">
            View cart
          </Link>
        }
      />
    </div>
  );
}
