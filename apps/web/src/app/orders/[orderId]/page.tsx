import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { Alert } from "@emporium/ui/alert";
import { buttonStyles } from "@emporium/ui/button";
import { currentShopper } from "@/auth/session";
import { OrderDetails } from "@/order/order-details";
import { PLACED_PARAM, ThankYou } from "@/order/thank-you";
import { classifyOrdersError } from "@/orders/errors";
import { orders } from "@/orders/server";
import { isOrderId } from "@/session/cookies";
import { readOrderToken } from "@/session/server";
import { AutoRefresh } from "@/status/auto-refresh";

export const metadata: Metadata = {
  title: "Your order",
  robots: { index: false },
};

function NoAccess() {
  return (
    <div className="mx-auto flex max-w-xl flex-col items-center px-4 py-24 text-center">
      <h1 className="text-2xl font-semibold tracking-tight">We can’t show this order here</h1>
      <p className="mt-3 text-ink-muted">
        Orders open on the device they were placed on. Elsewhere, look yours up with its order number and the
        email address you used.
      </p>
      <Link href="/orders/lookup" className={buttonStyles({ className: "mt-8" })}>
        Find your order
      </Link>
    </div>
  );
}

export default async function OrderPage({
  params,
  searchParams,
}: {
  params: Promise<{ orderId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const [{ orderId: raw }, query] = await Promise.all([params, searchParams]);
  if (!isOrderId(raw)) notFound();
  const orderId = raw.toLowerCase();
  const accessToken = await readOrderToken(orderId);
  if (!accessToken) return <NoAccess />;

  let order;
  try {
    order = await orders.order.get.query({ orderId, accessToken });
  } catch (error) {
    const failure = classifyOrdersError(error);
    if (failure.kind === "not-found" || failure.kind === "invalid") return <NoAccess />;
    return (
      <div className="mx-auto max-w-xl px-4 py-24">
        <AutoRefresh seconds={10} />
        <Alert tone="warning" title="Your order cannot be shown just now">
          Our order system is not answering. Your order is safe; this page tries again by itself.
        </Alert>
      </div>
    );
  }

  const final = order.status === "DELIVERED" || order.status === "CANCELLED";
  const justPlaced = query[PLACED_PARAM] === "1" && order.status !== "CANCELLED";
  const signedIn = justPlaced && (await currentShopper()) !== null;
  return (
    <div className="mx-auto max-w-5xl px-4 py-8 sm:px-6 lg:px-8">
      {/* With JavaScript the page follows the order live; without it, it reloads now and then. */}
      {!final && (
        <noscript>
          <meta httpEquiv="refresh" content="15" />
        </noscript>
      )}
      {justPlaced && (
        <ThankYou orderId={order.id} number={order.number} email={order.email} signedIn={signedIn} />
      )}
      <OrderDetails initial={order} />
    </div>
  );
}
