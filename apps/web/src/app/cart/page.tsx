import type { Metadata } from "next";
import { CartLines, CartSummary } from "@/cart/cart-contents";

export const metadata: Metadata = {
  title: "Your cart",
  robots: { index: false },
};

// The cart itself comes from the layout (read once per request and shared with the header and the
// drawer), so this page and the drawer always show the same lines.
export default function CartPage() {
  return (
    <div className="mx-auto max-w-7xl px-4 py-8 sm:px-6 lg:px-8">
      <h1 className="text-3xl font-semibold tracking-tight">Your cart</h1>
      <div className="mt-8 grid gap-10 lg:grid-cols-[1fr_22rem] lg:items-start">
        <section aria-label="Items">
          <CartLines returnTo="/cart" />
        </section>
        <aside aria-label="Order summary" className="lg:sticky lg:top-6">
          <div className="rounded-2xl border border-line bg-surface p-6 empty:hidden">
            <CartSummary />
          </div>
        </aside>
      </div>
    </div>
  );
}
