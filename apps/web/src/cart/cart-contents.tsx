"use client";
// The cart's lines and totals, shared by the drawer and the /cart page: an empty state, a notice when
// stock could not be checked, and the way on to checkout (held back, with the reason, while a line
// cannot be bought as it is).
import Link from "next/link";
import { useId, type ReactNode } from "react";
import { Alert } from "@emporium/ui/alert";
import { buttonStyles } from "@emporium/ui/button";
import { EmptyState } from "@emporium/ui/empty-state";
import { formatMoney } from "@emporium/ui/money";
import { CartLineItem } from "./cart-line-item";
import { checkoutBlock, itemCountLabel } from "./client-cart";
import { useCart } from "./cart-context";

export function CartUnavailable() {
  return (
    <Alert tone="warning" title="Your cart cannot be shown just now">
      Our order system is not answering. Your cart is saved — please try again in a moment.
    </Alert>
  );
}

export function CartEmpty() {
  return (
    <EmptyState
      title="Your cart is empty"
      action={
        <Link href="/" className={buttonStyles({ variant: "secondary" })}>
          Continue shopping
        </Link>
      }
    >
      Find something you like and add it here.
    </EmptyState>
  );
}

export function DegradedNotice() {
  return (
    <Alert tone="warning" title="Stock and current prices could not be checked">
      Your items and the prices you added them at are safe. We confirm availability when you place the order.
    </Alert>
  );
}

/** The lines (with their notices) — the scrolling part of the drawer, the main column of /cart. */
export function CartLines({ returnTo, compact = false }: { returnTo: string; compact?: boolean }) {
  const { cart, unavailable } = useCart();
  if (unavailable) return <CartUnavailable />;
  if (!cart || cart.lines.length === 0) return <CartEmpty />;
  return (
    <div className="flex flex-col gap-4">
      {cart.degraded && <DegradedNotice />}
      <ul aria-label="Items in your cart" className="divide-y divide-line">
        {cart.lines.map((line) => (
          <CartLineItem
            key={line.variantId}
            line={line}
            currency={cart.currency}
            returnTo={returnTo}
            compact={compact}
          />
        ))}
      </ul>
    </div>
  );
}

/** Subtotal and the way to checkout; nothing for an empty cart. */
export function CartSummary({ extra }: { extra?: ReactNode }) {
  const { cart } = useCart();
  const reasonId = useId();
  if (!cart || cart.lines.length === 0) return null;
  const blocked = checkoutBlock(cart);
  return (
    <div className="flex flex-col gap-3">
      <dl className="flex items-baseline justify-between gap-4">
        <dt className="text-ink-muted">
          Subtotal <span className="text-sm">({itemCountLabel(cart.itemCount)})</span>
        </dt>
        <dd className="text-lg font-semibold tabular-nums" data-testid="cart-subtotal">
          {formatMoney(cart.subtotal, cart.currency)}
        </dd>
      </dl>
      <p className="text-sm text-ink-muted">Shipping is worked out at checkout.</p>
      {blocked ? (
        <>
          <button
            type="button"
            disabled
            aria-describedby={reasonId}
            className={buttonStyles({ size: "lg", className: "w-full" })}
          >
            Checkout
          </button>
          <p id={reasonId} className="text-sm font-medium text-sale">
            {blocked}
          </p>
        </>
      ) : (
        <Link href="/checkout" className={buttonStyles({ size: "lg", className: "w-full" })}>
          Checkout
        </Link>
      )}
      {extra}
    </div>
  );
}
