// Orders the saga has not finished, placed longer ago than the orders service's threshold, with the step
// each waits on. A step the shop sent can be sent again ("Retry step", managers and owners); an order
// waiting on the shopper's next card or on the carrier has nothing to send.
import Link from "next/link";
import { formatMoney } from "@emporium/ui/money";
import type { getStuckOrders } from "@/trpc/orders";
import { OpsTable } from "./ops-table";
import { RetryStepButton } from "./retry-step-button";

type Stuck = Awaited<ReturnType<typeof getStuckOrders>>;

const when = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });

export function StuckOrdersPanel({ stuck, canAct }: { stuck: Stuck; canAct: boolean }) {
  const minutes = stuck.olderThanMinutes === 1 ? "1 minute" : `${stuck.olderThanMinutes} minutes`;
  return (
    <section aria-labelledby="stuck-orders">
      <h2 id="stuck-orders" className="mt-8 text-lg font-semibold">
        Stuck orders
      </h2>
      <p className="mt-1 text-sm text-ink-muted">Not finished, and placed more than {minutes} ago.</p>
      {stuck.orders.length === 0 ? (
        <p className="mt-2 text-sm text-ink-muted">No order is stuck.</p>
      ) : (
        <OpsTable
          label="Stuck orders"
          rowTestId="stuck-order"
          columns={[
            { title: "Order" },
            { title: "Status" },
            { title: "Waiting on" },
            { title: "Placed" },
            { title: "Total", numeric: true },
            ...(canAct ? [{ title: "Action", numeric: true }] : []),
          ]}
          rows={stuck.orders.map((o) => ({
            key: o.orderId,
            cells: [
              <Link key="order" href={`/orders/${o.orderId}`} className="text-brand-800 underline">
                {o.number}
              </Link>,
              o.status.toLowerCase(),
              <span key="step" className="font-mono">
                {o.step}
                {o.since ? (
                  <span className="block font-sans text-xs text-ink-muted">
                    asked {when.format(new Date(o.since))} UTC
                  </span>
                ) : null}
              </span>,
              `${when.format(new Date(o.placedAt))} UTC`,
              formatMoney(o.total, o.currency),
              ...(canAct
                ? [o.retryable ? <RetryStepButton key="retry" orderId={o.orderId} step={o.step} /> : null]
                : []),
            ],
          }))}
        />
      )}
    </section>
  );
}
