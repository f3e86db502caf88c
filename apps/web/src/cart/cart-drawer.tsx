"use client";
// The cart drawer, opened from the header's cart link and after adding an item. Its contents are only
// rendered while it is open, with code fetched on the first opening — or earlier, when the shopper
// points at the cart link or the add-to-cart form (preloadCartContents) — so pages do not load it.
import { lazy, Suspense } from "react";
import { Drawer } from "@emporium/ui/drawer";
import { useCart } from "./cart-context";

let loading: Promise<typeof import("./cart-drawer-contents")> | undefined;
/** Fetches the drawer's contents once per tab. */
export function preloadCartContents(): Promise<typeof import("./cart-drawer-contents")> {
  loading ??= import("./cart-drawer-contents");
  return loading;
}

const DrawerLines = lazy(() => preloadCartContents().then((m) => ({ default: m.DrawerLines })));
const DrawerSummary = lazy(() => preloadCartContents().then((m) => ({ default: m.DrawerSummary })));

export function CartDrawer() {
  const { drawerOpen, closeDrawer } = useCart();
  return (
    <Drawer
      open={drawerOpen}
      onClose={closeDrawer}
      title="Your cart"
      footer={
        drawerOpen && (
          <Suspense fallback={null}>
            <DrawerSummary />
          </Suspense>
        )
      }
    >
      {drawerOpen && (
        <Suspense fallback={<p className="text-sm text-ink-muted">Loading your cart…</p>}>
          <DrawerLines />
        </Suspense>
      )}
    </Drawer>
  );
}
