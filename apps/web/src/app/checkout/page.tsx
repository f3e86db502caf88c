import type { Metadata } from "next";
import Link from "next/link";
import { Alert } from "@emporium/ui/alert";
import { buttonStyles } from "@emporium/ui/button";
import { CartEmpty, CartUnavailable, DegradedNotice } from "@/cart/cart-contents";
import { checkoutBlock } from "@/cart/client-cart";
import { getCartSnapshot } from "@/cart/server";
import { currentShopper, ordersAs } from "@/auth/session";
import { CheckoutFlow } from "@/checkout/checkout-flow";
import { EMPTY_DETAILS, type DetailValues } from "@/checkout/details";
import type { ShippingMethod } from "@/checkout/money";
import { readCheckoutProgress } from "@/checkout/progress-server";
import { orders } from "@/orders/server";

export const metadata: Metadata = {
  title: "Checkout",
  robots: { index: false },
};

async function shippingMethods(): Promise<ShippingMethod[] | null> {
  try {
    return await orders.checkout.shippingMethods.query();
  } catch {
    return null;
  }
}

/** A signed-in shopper starts from their email and latest saved address; anyone else from nothing. */
async function startingDetails(): Promise<DetailValues | undefined> {
  const shopper = await currentShopper();
  if (!shopper) return undefined;
  const [latest] = await ordersAs(shopper)
    .account.addresses.list.query()
    .catch(() => []);
  return {
    ...EMPTY_DETAILS,
    email: shopper.email,
    ...(latest
      ? {
          name: latest.name,
          line1: latest.line1,
          line2: latest.line2 ?? "",
          city: latest.city,
          region: latest.region ?? "",
          postalCode: latest.postalCode,
          country: latest.country,
          phone: latest.phone ?? "",
        }
      : {}),
  };
}

export default async function CheckoutPage() {
  const [{ cart, unavailable }, methods, initialValues, progress] = await Promise.all([
    getCartSnapshot(),
    shippingMethods(),
    startingDetails(),
    readCheckoutProgress(),
  ]);

  let body;
  if (unavailable || (cart && cart.lines.length > 0 && !methods)) {
    body = <CartUnavailable />;
  } else if (!cart || cart.lines.length === 0 || !methods) {
    body = <CartEmpty />;
  } else {
    const blocked = checkoutBlock(cart);
    body = blocked ? (
      <Alert tone="warning" title="Your cart needs a look first">
        {blocked}.{" "}
        <Link href="/cart" className={buttonStyles({ variant: "secondary", size: "sm", className: "ml-2" })}>
          Review your cart
        </Link>
      </Alert>
    ) : (
      <div className="flex flex-col gap-6">
        <noscript>
          <Alert tone="warning" title="Checkout needs JavaScript">
            Your card details go from your browser straight to our payment provider, which needs JavaScript.
            Please turn it on to check out; your cart is kept.
          </Alert>
        </noscript>
        {cart.degraded && <DegradedNotice />}
        <CheckoutFlow cart={cart} methods={methods} initialValues={initialValues} progress={progress} />
      </div>
    );
  }

  return (
    <div className="mx-auto max-w-7xl px-4 py-8 sm:px-6 lg:px-8">
      <h1 className="text-3xl font-semibold tracking-tight">Checkout</h1>
      <div className="mt-8">{body}</div>
    </div>
  );
}
