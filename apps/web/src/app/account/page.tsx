import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { Alert } from "@emporium/ui/alert";
import { EmptyState } from "@emporium/ui/empty-state";
import { formatMoney } from "@emporium/ui/money";
import { Pagination } from "@emporium/ui/pagination";
import { currentShopper, ordersAs, type Shopper } from "@/auth/session";
import { addressLines } from "@/checkout/details";
import { NextLink } from "@/next-link";
import { statusLabel } from "@/order/status";
import { getMyReviews, reviewedProductsOf } from "@/reviews/server";
import { YourReviews, type YourReviewsResult } from "@/reviews/your-reviews";
import { removeAddress } from "./actions";
import { AddressForm } from "./address-form";
import { SignOutButton } from "./sign-out-button";

export const metadata: Metadata = { title: "Your account", robots: { index: false } };

const dateFormat = new Intl.DateTimeFormat("en", { dateStyle: "medium" });

/** A page number from the address, 1 when missing or not one. */
const pageOf = (value: string | string[] | undefined): number =>
  Math.max(1, Math.min(10_000, Number(value) || 1));

/** One page of the shopper's reviews with the products they are of; never a throw. */
async function yourReviews(shopper: Shopper, page: number): Promise<YourReviewsResult> {
  const mine = await getMyReviews(shopper, page);
  if (!mine.ok) return mine;
  const products = await reviewedProductsOf(shopper, [...new Set(mine.page.items.map((r) => r.productId))]);
  return { ok: true, page: mine.page, products };
}

export default async function AccountPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const shopper = await currentShopper();
  if (!shopper) redirect("/account/sign-in?next=/account");
  const params = await searchParams;
  const page = pageOf(params.page);
  const reviewsPage = pageOf(params.reviews_page);
  const orders = ordersAs(shopper);
  const [history, addresses, reviews] = await Promise.all([
    orders.account.orders.list.query({ page }),
    orders.account.addresses.list.query(),
    yourReviews(shopper, reviewsPage),
  ]);
  // Each list pages on its own, keeping the other's page.
  const accountHref = (ordersAt: number, reviewsAt: number, anchor = "") => {
    const query = new URLSearchParams();
    if (ordersAt > 1) query.set("page", String(ordersAt));
    if (reviewsAt > 1) query.set("reviews_page", String(reviewsAt));
    return `/account${query.size > 0 ? `?${query.toString()}` : ""}${anchor}`;
  };
  const pageHref = (p: number) => accountHref(p, reviewsPage);
  return (
    <div className="mx-auto max-w-4xl px-4 py-10">
      <div className="flex flex-wrap items-end justify-between gap-4">
        <div>
          <h1 className="text-3xl font-semibold tracking-tight">Your account</h1>
          <p className="mt-1 text-ink-muted" data-testid="account-email">
            {shopper.name} · {shopper.email}
          </p>
        </div>
        <SignOutButton />
      </div>
      {params.missing === "1" && (
        <Alert tone="warning" className="mt-6">
          That order is not in your account.
        </Alert>
      )}

      <section aria-labelledby="orders-heading" className="mt-10">
        <h2 id="orders-heading" className="text-xl font-semibold">
          Orders
        </h2>
        {history.total === 0 ? (
          <EmptyState
            title="No orders yet"
            className="mt-4"
            action={
              <Link href="/" className="underline">
                Start shopping
              </Link>
            }
          >
            Orders you place while signed in appear here, with their live status.
          </EmptyState>
        ) : (
          <>
            <ul className="mt-4 divide-y divide-line rounded-2xl border border-line">
              {history.items.map((o) => (
                <li key={o.number} className="flex flex-wrap items-center justify-between gap-3 px-5 py-4">
                  <div>
                    <Link
                      href={`/account/orders/${o.number}`}
                      className="font-medium underline-offset-2 hover:underline"
                    >
                      Order {o.number}
                    </Link>
                    <p className="text-sm text-ink-muted">
                      {dateFormat.format(new Date(o.createdAt))} · {o.itemCount}{" "}
                      {o.itemCount === 1 ? "item" : "items"}
                    </p>
                  </div>
                  <div className="text-right">
                    <p className="font-medium tabular-nums">{formatMoney(o.total, o.currency)}</p>
                    <p className="text-sm text-ink-muted">{statusLabel(o.status)}</p>
                  </div>
                </li>
              ))}
            </ul>
            {history.pageCount > 1 && (
              <Pagination
                className="mt-4"
                label="Order pages"
                status={`Page ${history.page} of ${history.pageCount}`}
                prevHref={history.page > 1 ? pageHref(history.page - 1) : null}
                nextHref={history.page < history.pageCount ? pageHref(history.page + 1) : null}
                LinkComponent={NextLink}
              />
            )}
          </>
        )}
      </section>

      <YourReviews result={reviews} pageHref={(p) => accountHref(page, p, "#your-reviews")} />

      <section aria-labelledby="addresses-heading" className="mt-12">
        <h2 id="addresses-heading" className="text-xl font-semibold">
          Addresses
        </h2>
        {addresses.length === 0 ? (
          <p className="mt-2 text-ink-muted">No saved addresses yet. Add one to fill in checkout faster.</p>
        ) : (
          <ul className="mt-4 grid gap-4 sm:grid-cols-2">
            {addresses.map((a) => (
              <li key={a.id} className="rounded-2xl border border-line p-5">
                <address className="text-sm not-italic">
                  {addressLines(a)
                    .filter(Boolean)
                    .map((line) => (
                      <span key={line} className="block">
                        {line}
                      </span>
                    ))}
                </address>
                <form action={removeAddress} className="mt-3">
                  <input type="hidden" name="id" value={a.id} />
                  <button
                    type="submit"
                    className="text-sm font-medium text-sale underline"
                    aria-label={`Remove the address of ${a.name}, ${a.line1}`}
                  >
                    Remove
                  </button>
                </form>
              </li>
            ))}
          </ul>
        )}
        <h3 className="mt-8 font-semibold">Add an address</h3>
        <AddressForm />
      </section>
    </div>
  );
}
