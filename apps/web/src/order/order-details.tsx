"use client";
// An order's page body: its status (kept up to date live), where it is going, what is in it and what
// it cost. A cancelled order leads with the reason.
import Link from "next/link";
import { Alert } from "@emporium/ui/alert";
import { cn } from "@emporium/ui/cn";
import { formatMoney } from "@emporium/ui/money";
import { addressLines } from "@/checkout/details";
import { addressOf, cancelHeadline, STAGES, stageIndex, statusLabel, type OrderView } from "./status";
import { useLiveOrder, type Connection } from "./use-live-order";

const dateTime = new Intl.DateTimeFormat("en-US", {
  dateStyle: "medium",
  timeStyle: "short",
  timeZone: "UTC",
});
const time = new Intl.DateTimeFormat("en-US", { timeStyle: "short", timeZone: "UTC" });

function LiveIndicator({ connection }: { connection: Connection }) {
  if (connection === "stopped") return null;
  const live = connection === "live";
  return (
    <span
      data-testid="live-indicator"
      data-state={connection}
      className={cn(
        "inline-flex items-center gap-2 rounded-full px-3 py-1 text-xs font-medium ring-1 ring-inset",
        live
          ? "bg-success-50 text-success ring-success-200"
          : "bg-canvas-muted text-ink-muted ring-line-strong",
      )}
    >
      <span
        aria-hidden="true"
        className={cn("size-2 rounded-full", live ? "animate-pulse bg-success" : "bg-ink-subtle")}
      />
      {live ? "Live — updates appear here" : connection === "connecting" ? "Connecting…" : "Reconnecting…"}
    </span>
  );
}

function Progress({ order }: { order: OrderView }) {
  const current = stageIndex(order.status);
  return (
    <ol aria-label="Order progress" className="grid grid-cols-4 gap-2">
      {STAGES.map((stage, index) => {
        const reached = index <= current;
        return (
          <li
            key={stage.status}
            aria-current={index === current ? "step" : undefined}
            className="flex flex-col gap-2"
          >
            <span
              aria-hidden="true"
              className={cn("h-1.5 rounded-full", reached ? "bg-brand-700" : "bg-line")}
            />
            <span className={cn("text-xs sm:text-sm", reached ? "font-medium text-ink" : "text-ink-muted")}>
              {stage.label}
              {reached && index !== current && <span className="sr-only"> (done)</span>}
            </span>
          </li>
        );
      })}
    </ol>
  );
}

export function OrderDetails({ initial }: { initial: OrderView }) {
  const { order, connection, refused } = useLiveOrder(initial);
  const money = (amount: number) => formatMoney(amount, order.currency);
  const address = addressOf(order.shippingAddress);
  const cancelled = order.status === "CANCELLED";

  return (
    <div className="flex flex-col gap-8">
      <div className="flex flex-wrap items-start justify-between gap-4">
        <div>
          <p className="text-sm text-ink-muted">
            Order placed {dateTime.format(new Date(order.createdAt))} (UTC)
          </p>
          <h1 className="mt-1 text-3xl font-semibold tracking-tight">
            Order <span data-testid="order-number">{order.number}</span>
          </h1>
        </div>
        <LiveIndicator connection={connection} />
      </div>

      <section aria-labelledby="status-heading" className="rounded-2xl border border-line bg-surface p-6">
        <h2 id="status-heading" className="sr-only">
          Status
        </h2>
        {/* One polite live region: a screen reader hears each new status once. */}
        <p
          role="status"
          aria-live="polite"
          className="text-lg font-semibold"
          data-testid="order-status"
          data-status={order.status}
        >
          {statusLabel(order.status)}
        </p>
        {cancelled ? (
          <Alert tone="error" title={cancelHeadline(order.cancelReason)} className="mt-4">
            You have not been charged, and the items held for this order go back on sale.{" "}
            <Link href="/" className="font-medium underline">
              Continue shopping
            </Link>{" "}
            to order again.
          </Alert>
        ) : (
          <div className="mt-5">
            <Progress order={order} />
          </div>
        )}
        {(order.carrier || order.trackingNumber) && (
          <p className="mt-5 text-sm">
            {order.carrier && (
              <>
                Carrier: <span className="font-medium">{order.carrier}</span>
              </>
            )}
            {order.carrier && order.trackingNumber && " · "}
            {order.trackingNumber && (
              <>
                Tracking number:{" "}
                <span className="font-mono font-medium" data-testid="tracking-number">
                  {order.trackingNumber}
                </span>
              </>
            )}
          </p>
        )}
        {refused && (
          <p className="mt-4 text-sm text-ink-muted">
            {refused}.{" "}
            <Link href="/orders/lookup" className="font-medium text-brand-700 underline">
              Look up your order
            </Link>{" "}
            to follow it here.
          </p>
        )}
        <h3 className="mt-6 text-sm font-semibold">History</h3>
        <ol
          className="mt-3 flex flex-col gap-3 border-l border-line pl-4"
          aria-label="Order history"
          data-testid="timeline"
        >
          {order.timeline.map((entry, index) => (
            <li key={`${entry.at}-${entry.code}-${index}`} className="relative text-sm">
              <span
                aria-hidden="true"
                className="absolute top-1.5 -left-[1.3rem] size-2 rounded-full bg-brand-700"
              />
              <time dateTime={entry.at} className="mr-2 text-ink-muted tabular-nums">
                {time.format(new Date(entry.at))}
              </time>
              <span className="text-ink">{entry.message}</span>
            </li>
          ))}
        </ol>
      </section>

      <div className="grid gap-8 lg:grid-cols-[1fr_20rem]">
        <section aria-labelledby="items-heading" className="rounded-2xl border border-line bg-surface p-6">
          <h2 id="items-heading" className="text-lg font-semibold">
            Items
          </h2>
          <ul className="mt-4 divide-y divide-line">
            {order.lines.map((line) => (
              <li key={line.variantId} className="flex items-baseline justify-between gap-4 py-3 text-sm">
                <span>
                  <span className="block text-ink">{line.title}</span>
                  <span className="block text-ink-muted">
                    {line.quantity} × {money(line.unitPrice)}
                  </span>
                </span>
                <span className="tabular-nums">{money(line.lineTotal)}</span>
              </li>
            ))}
          </ul>
          <dl className="mt-4 grid grid-cols-[1fr_auto] gap-x-6 gap-y-2 border-t border-line pt-4 text-sm">
            <dt className="text-ink-muted">Items</dt>
            <dd className="text-right tabular-nums">{money(order.subtotal)}</dd>
            <dt className="text-ink-muted">Shipping</dt>
            <dd className="text-right tabular-nums">
              {order.shippingTotal === 0 ? "Free" : money(order.shippingTotal)}
            </dd>
            {order.taxTotal > 0 && (
              <>
                <dt className="text-ink-muted">Tax</dt>
                <dd className="text-right tabular-nums">{money(order.taxTotal)}</dd>
              </>
            )}
            <dt className="font-semibold">Total</dt>
            <dd className="text-right font-semibold tabular-nums" data-testid="order-total">
              {money(order.total)}
            </dd>
          </dl>
        </section>
        <section
          aria-labelledby="delivery-heading"
          className="rounded-2xl border border-line bg-surface p-6 text-sm"
        >
          <h2 id="delivery-heading" className="text-lg font-semibold">
            Delivery
          </h2>
          {address ? (
            <address className="mt-3 not-italic">
              {addressLines(address).map((line) => (
                <span key={line} className="block">
                  {line}
                </span>
              ))}
            </address>
          ) : (
            <p className="mt-3 text-ink-muted">The address could not be shown.</p>
          )}
          <p className="mt-4 text-ink-muted">
            {order.shippingMethod === "express" ? "Express delivery" : "Standard delivery"} · updates go to{" "}
            <span className="text-ink">{order.email}</span>
          </p>
        </section>
      </div>
    </div>
  );
}
