"use client";
// The cart drawer, opened from the header's cart link and after adding an item. Its lines are only
// rendered while it is open. Following a link out of it (checkout, a product, the cart page) closes it.
import Link from "next/link";
import type { MouseEvent } from "react";
import { Drawer } from "@emporium/ui/drawer";
import { CartLines, CartSummary } from "./cart-contents";
import { useCart } from "./cart-context";

export function CartDrawer() {
  const { drawerOpen, closeDrawer } = useCart();
  const closeOnLink = (event: MouseEvent<HTMLDivElement>) => {
    if (event.target instanceof Element && event.target.closest("a[href]")) closeDrawer();
  };
  return (
    <Drawer
      open={drawerOpen}
      onClose={closeDrawer}
      title="Your cart"
      footer={
        drawerOpen && (
          <div onClick={closeOnLink}>
            <CartSummary
              extra={
                <Link href="/cart" className="text-center text-sm font-medium text-brand-700 hover:underline">
                  View cart
                </Link>
              }
            />
          </div>
        )
      }
    >
      {drawerOpen && (
        <div onClick={closeOnLink}>
          <CartLines returnTo="/cart" compact />
        </div>
      )}
    </Drawer>
  );
}
