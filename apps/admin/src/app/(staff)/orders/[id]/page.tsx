import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { TRPCClientError } from "@trpc/client";
import { countryName, postalLines } from "@emporium/address";
import { address } from "@emporium/contracts";
import { formatMoney } from "@emporium/ui/money";
import { requireStaff } from "@/auth/session";
import { stockLocations } from "@/trpc/inventory";
import { getOrder } from "@/trpc/orders";
import { OrderStatusBadge, PAYMENT_LABELS } from "../../../order-status";
import { CancelForm } from "./cancel-form";
import { LiveRefresh } from "./live-refresh";
import { RefundForm } from "./refund-form";

export const metadata: Metadata = { title: "Order" };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const dateTime = new Intl.DateTimeFormat("en-GB", {
  dateStyle: "medium",
  timeStyle: "medium",
  timeZone: "UTC",
});

/** The address snapshot's lines in the order its country writes them (an unreadable snapshot: none). */
function addressLines(value: unknown): string[] {
  const parsed = address.safeParse(value);
  if (!parsed.success) return [];
  const a = parsed.data;
  return [...postalLines(a, { countryName }), ...(a.phone ? [a.phone] : [])];
}

// The timeline's notes are written for the shopper ("Items reserved for you"); staff read these instead.
const STAFF_WORDING: Record<string, string> = {
  "order.confirmed": "Order confirmed",
  "stock.reserved": "Stock reserved",
  "stock.lost": "Stock could not be held; a full refund follows",
  "stock.expired": "Reservation expired before payment completed",
};

export default async function OrderPage({ params }: { params: Promise<{ id: string }> }) {
  const staff = await requireStaff();
  const { id } = await params;
  if (!UUID.test(id)) notFound();
  let order;
  try {
    order = await getOrder(staff, id);
  } catch (error) {
    if (error instanceof TRPCClientError && error.data?.code === "NOT_FOUND") notFound();
    throw error;
  }
  const money = (minor: number) => formatMoney(minor, order.currency);
  const canCancel = staff.can("orders.cancel");
  const canRefund = staff.can("orders.refund");
  const p = order.payment;
  const lastSeq = order.timeline[order.timeline.length - 1]?.seq ?? "0";
  const refundKey = `refund_${order.id.replace(/-/g, "").slice(0, 12)}_${lastSeq}`;
  const refundedUnits = (variantId: string) => order.refundedUnits[variantId] ?? 0;
  // Only asked for when the refund form shows: where refunded items may go back in stock.
  const locations =
    canRefund && p.refundable > 0
      ? await stockLocations(
          staff,
          order.lines.map((l) => l.variantId),
        )
      : null;

  return (
    <>
      <LiveRefresh />
      <nav aria-label="Breadcrumb" className="text-sm text-ink-muted">
        <Link href="/orders" className="hover:underline">
          Orders
        </Link>{" "}
        / <span aria-current="page">{order.number}</span>
      </nav>
      <div className="mt-4 flex flex-wrap items-baseline gap-3">
        <h1 className="font-mono text-2xl font-semibold tracking-tight">{order.number}</h1>
        <span data-testid="order-status">
          <OrderStatusBadge status={order.status} />
        </span>
      </div>
      <p className="mt-1 text-sm text-ink-muted">
        Placed {dateTime.format(new Date(order.createdAt))} UTC by{" "}
        <Link
          href={`/customers/${encodeURIComponent(order.email.toLowerCase())}`}
          className="text-brand-700 underline underline-offset-2"
        >
          {order.email}
        </Link>
        {order.customerId ? " (account)" : " (guest)"}
      </p>
      {order.cancelReason && (
        <p className="mt-2 text-sm">
          <span className="font-medium">Cancelled:</span> {order.cancelReason}
        </p>
      )}
      {order.needsAttention && (
        <p
          role="alert"
          className="mt-3 rounded-lg border border-sale-200 bg-sale-50 px-3 py-2 text-sm text-sale"
        >
          Needs attention: {order.needsAttention}
        </p>
      )}

      <div className="mt-8 grid gap-8 lg:grid-cols-[2fr_1fr]">
        <div className="flex flex-col gap-8">
          <section aria-labelledby="lines-heading">
            <h2 id="lines-heading" className="text-lg font-semibold">
              Items
            </h2>
            <div className="mt-3 overflow-x-auto rounded-2xl border border-line bg-surface">
              <table className="w-full text-left text-sm">
                <thead className="border-b border-line bg-canvas-muted text-xs tracking-wide text-ink-muted uppercase">
                  <tr>
                    <th scope="col" className="px-4 py-3 font-medium">
                      Item
                    </th>
                    <th scope="col" className="px-4 py-3 font-medium">
                      SKU
                    </th>
                    <th scope="col" className="px-4 py-3 text-right font-medium">
                      Qty
                    </th>
                    <th scope="col" className="px-4 py-3 text-right font-medium">
                      Refunded
                    </th>
                    <th scope="col" className="px-4 py-3 text-right font-medium">
                      Price
                    </th>
                    <th scope="col" className="px-4 py-3 text-right font-medium">
                      Total
                    </th>
                  </tr>
                </thead>
                <tbody className="divide-y divide-line">
                  {order.lines.map((l) => (
                    <tr key={l.variantId}>
                      <th scope="row" className="px-4 py-2 font-medium">
                        {l.title}
                      </th>
                      <td className="px-4 py-2 font-mono text-xs">{l.sku}</td>
                      <td className="px-4 py-2 text-right tabular-nums">{l.quantity}</td>
                      <td
                        className="px-4 py-2 text-right tabular-nums"
                        data-testid={`refunded-units-${l.sku}`}
                      >
                        {refundedUnits(l.variantId)}
                      </td>
                      <td className="px-4 py-2 text-right tabular-nums">{money(l.unitPrice)}</td>
                      <td className="px-4 py-2 text-right tabular-nums">{money(l.lineTotal)}</td>
                    </tr>
                  ))}
                </tbody>
                <tfoot className="border-t border-line text-sm">
                  {[
                    ["Subtotal", order.subtotal],
                    [`Shipping (${order.shippingMethod})`, order.shippingTotal],
                    ["Tax", order.taxTotal],
                  ].map(([label, value]) => (
                    <tr key={String(label)}>
                      <td colSpan={5} className="px-4 py-1 text-right text-ink-muted">
                        {label}
                      </td>
                      <td className="px-4 py-1 text-right tabular-nums">{money(Number(value))}</td>
                    </tr>
                  ))}
                  <tr>
                    <td colSpan={5} className="px-4 py-2 text-right font-semibold">
                      Total
                    </td>
                    <td className="px-4 py-2 text-right font-semibold tabular-nums">{money(order.total)}</td>
                  </tr>
                </tfoot>
              </table>
            </div>
          </section>

          <section aria-labelledby="timeline-heading">
            <h2 id="timeline-heading" className="text-lg font-semibold">
              Timeline
            </h2>
            <p className="text-xs text-ink-muted">Updates live while this page is open.</p>
            <ol data-testid="timeline" className="mt-3 flex flex-col gap-2 border-l border-line pl-4">
              {order.timeline.map((t) => (
                <li key={t.seq} className="text-sm">
                  <span className="font-medium">{STAFF_WORDING[t.code] ?? t.message}</span>{" "}
                  <span className="text-xs text-ink-muted">
                    {dateTime.format(new Date(t.at))} · <code>{t.code}</code>
                  </span>
                </li>
              ))}
            </ol>
          </section>
        </div>

        <aside className="flex flex-col gap-6">
          <section
            aria-labelledby="payment-heading"
            className="rounded-2xl border border-line bg-surface p-4"
          >
            <h2 id="payment-heading" className="font-semibold">
              Payment
            </h2>
            <dl className="mt-2 grid grid-cols-2 gap-y-1 text-sm" data-testid="payment">
              <dt className="text-ink-muted">State</dt>
              <dd>{PAYMENT_LABELS[p.state]}</dd>
              <dt className="text-ink-muted">Captured</dt>
              <dd className="tabular-nums">{money(p.captured)}</dd>
              <dt className="text-ink-muted">Refunded</dt>
              <dd className="tabular-nums" data-testid="refunded">
                {money(p.refunded)}
              </dd>
              {p.refundPending > 0 && (
                <>
                  <dt className="text-ink-muted">Refund in progress</dt>
                  <dd className="tabular-nums">{money(p.refundPending)}</dd>
                </>
              )}
            </dl>
          </section>

          <section
            aria-labelledby="address-heading"
            className="rounded-2xl border border-line bg-surface p-4"
          >
            <h2 id="address-heading" className="font-semibold">
              Ships to
            </h2>
            <address className="mt-2 text-sm not-italic">
              {addressLines(order.shippingAddress).map((line) => (
                <span key={line} className="block">
                  {line}
                </span>
              ))}
            </address>
            {order.trackingNumber && (
              <p className="mt-2 text-sm">
                {order.carrier} <span className="font-mono">{order.trackingNumber}</span>
              </p>
            )}
          </section>

          {canRefund && p.refundable > 0 && (
            <section className="rounded-2xl border border-line bg-surface p-4">
              <RefundForm
                orderId={order.id}
                currency={order.currency}
                refundable={p.refundable}
                idempotencyKey={refundKey}
                lines={order.lines.map((l) => ({
                  variantId: l.variantId,
                  title: l.title,
                  sku: l.sku,
                  quantity: l.quantity,
                  unitPrice: l.unitPrice,
                  remaining: Math.max(0, l.quantity - refundedUnits(l.variantId)),
                }))}
                locations={locations}
              />
            </section>
          )}
          {canCancel && order.cancelBlockedBy === null && (
            <section className="rounded-2xl border border-line bg-surface p-4">
              <CancelForm orderId={order.id} />
            </section>
          )}
          {!canRefund && (
            <p className="text-sm text-ink-muted">Your role can view payments; managers and owners refund.</p>
          )}
        </aside>
      </div>
    </>
  );
}
