// The dashboard's sales: the period's sales, orders and average order value beside the period before,
// and a chart of sales per day against the period before (sales-chart.tsx), with the same figures as a
// table for screen readers. The page re-renders every 15 s while visible, so new orders show up as they
// come.
import Link from "next/link";
import type { SalesSummary } from "@emporium/orders/client";
import { formatMoney } from "@emporium/ui/money";
import type { SalesPeriod } from "@/trpc/orders";
import { SalesChart, type SalesChartDay } from "./sales-chart";

export const SALES_PERIODS: readonly SalesPeriod[] = [7, 30, 90];

function change(now: number, before: number): string | null {
  if (before === 0) return null;
  const pct = Math.round(((now - before) / before) * 100);
  return `${pct >= 0 ? "+" : ""}${pct}% on the previous period`;
}

function Figure({ label, value, note }: { label: string; value: string; note: string | null }) {
  return (
    <div className="rounded-2xl border border-line bg-surface p-5">
      <dt className="text-sm text-ink-muted">{label}</dt>
      <dd className="mt-1 text-3xl font-semibold tabular-nums">{value}</dd>
      {note && <dd className="mt-1 text-xs text-ink-muted">{note}</dd>}
    </div>
  );
}

const dayLabel = new Intl.DateTimeFormat("en", { month: "short", day: "numeric", timeZone: "UTC" });

export function SalesOverview({ summary }: { summary: SalesSummary }) {
  const money = (minor: number) => formatMoney(minor, summary.currency);
  const { totals, previous } = summary;
  const chart: SalesChartDay[] = summary.byDay.map((d, i) => {
    const before = summary.previousByDay[i];
    return {
      ...d,
      previousDay: before?.day ?? d.day,
      previousSales: before?.sales ?? 0,
      previousOrders: before?.orders ?? 0,
    };
  });
  return (
    <section aria-labelledby="sales-heading" className="mt-6">
      <div className="flex flex-wrap items-baseline justify-between gap-3">
        <h2 id="sales-heading" className="text-lg font-semibold">
          Sales, last {summary.days} days
        </h2>
        <nav aria-label="Sales period" className="flex gap-1 text-sm">
          {SALES_PERIODS.map((d) => (
            <Link
              key={d}
              href={d === 30 ? "/" : `/?days=${d}`}
              aria-current={d === summary.days ? "page" : undefined}
              className={`rounded-full px-3 py-1 ${d === summary.days ? "bg-ink text-canvas" : "hover:bg-canvas-muted"}`}
            >
              {d} days
            </Link>
          ))}
        </nav>
      </div>
      <dl className="mt-4 grid grid-cols-1 gap-4 sm:grid-cols-3" data-testid="sales-figures">
        <Figure label="Sales" value={money(totals.sales)} note={change(totals.sales, previous.sales)} />
        <Figure
          label="Orders"
          value={totals.orders.toLocaleString("en-US")}
          note={change(totals.orders, previous.orders)}
        />
        <Figure
          label="Average order value"
          value={money(totals.averageOrderValue)}
          note={change(totals.averageOrderValue, previous.averageOrderValue)}
        />
      </dl>
      {totals.cancelled > 0 && (
        <p className="mt-2 text-sm text-ink-muted">
          {totals.cancelled} cancelled {totals.cancelled === 1 ? "order" : "orders"} not counted.
        </p>
      )}
      <figure className="mt-6 rounded-2xl border border-line bg-surface p-5">
        <div aria-hidden="true">
          <SalesChart data={chart} currency={summary.currency} days={summary.days} />
        </div>
        <figcaption id="sales-chart-caption" className="mt-2 text-xs text-ink-muted">
          Sales per day, {dayLabel.format(new Date(summary.byDay[0]?.day ?? ""))} to{" "}
          {dayLabel.format(new Date(summary.byDay.at(-1)?.day ?? ""))} (UTC), before refunds, against the same
          days of the previous {summary.days} days (dashed)
        </figcaption>
      </figure>
      <table className="sr-only">
        <caption>Sales per day</caption>
        <thead>
          <tr>
            <th scope="col">Day</th>
            <th scope="col">Orders</th>
            <th scope="col">Sales</th>
            <th scope="col">Sales, previous period</th>
          </tr>
        </thead>
        <tbody>
          {summary.byDay.map((d, i) => (
            <tr key={d.day}>
              <th scope="row">{d.day}</th>
              <td>{d.orders}</td>
              <td>{money(d.sales)}</td>
              <td>{money(summary.previousByDay[i]?.sales ?? 0)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
