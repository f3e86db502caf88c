"use client";
// The dashboard's sales per day as a chart (Recharts): bars for this period, a dashed line for the same
// day of the period before, a money axis and a day axis, and a tooltip with both days' sales and orders.
// The server-rendered table beside it carries the same figures for screen readers.
import {
  Bar,
  CartesianGrid,
  ComposedChart,
  Legend,
  Line,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
  type TooltipContentProps,
} from "recharts";
import { formatMoney } from "@emporium/ui/money";

export interface SalesChartDay {
  day: string;
  sales: number;
  orders: number;
  previousDay: string;
  previousSales: number;
  previousOrders: number;
}

const dayLabel = new Intl.DateTimeFormat("en", { month: "short", day: "numeric", timeZone: "UTC" });
const short = (day: string) => dayLabel.format(new Date(day));

function compactMoney(minor: number, currency: string): string {
  return new Intl.NumberFormat("en-US", {
    style: "currency",
    currency,
    notation: "compact",
    maximumFractionDigits: 1,
  }).format(minor / 100);
}

function DayTooltip({ active, payload, currency }: TooltipContentProps & { currency: string }) {
  const point = payload?.[0]?.payload as SalesChartDay | undefined;
  if (!active || !point) return null;
  const orders = (n: number) => `${n} ${n === 1 ? "order" : "orders"}`;
  return (
    <div className="rounded-lg border border-line bg-surface px-3 py-2 text-sm shadow-md">
      <p className="font-medium">
        {short(point.day)}: {formatMoney(point.sales, currency)} · {orders(point.orders)}
      </p>
      <p className="text-ink-muted">
        {short(point.previousDay)}: {formatMoney(point.previousSales, currency)} ·{" "}
        {orders(point.previousOrders)}
      </p>
    </div>
  );
}

export function SalesChart({
  data,
  currency,
  days,
}: {
  data: SalesChartDay[];
  currency: string;
  days: number;
}) {
  return (
    <div className="h-64 w-full" data-testid="sales-chart">
      <ResponsiveContainer width="100%" height="100%">
        {/* Hidden from assistive technology (the page has the figures as a table), so not focusable either. */}
        <ComposedChart
          data={data}
          margin={{ top: 8, right: 8, bottom: 0, left: 8 }}
          accessibilityLayer={false}
        >
          <CartesianGrid vertical={false} stroke="var(--color-line)" />
          <XAxis
            dataKey="day"
            tickFormatter={short}
            minTickGap={24}
            tick={{ fontSize: 12, fill: "var(--color-ink-muted)" }}
            tickLine={false}
          />
          <YAxis
            tickFormatter={(v: number) => compactMoney(v, currency)}
            width={64}
            tick={{ fontSize: 12, fill: "var(--color-ink-muted)" }}
            tickLine={false}
            axisLine={false}
          />
          <Tooltip
            content={(props: TooltipContentProps) => <DayTooltip {...props} currency={currency} />}
            cursor={{ fill: "var(--color-canvas-muted)" }}
          />
          <Legend wrapperStyle={{ fontSize: 12 }} />
          <Bar
            dataKey="sales"
            name={`Last ${days} days`}
            fill="var(--color-brand-700)"
            radius={[2, 2, 0, 0]}
            isAnimationActive={false}
          />
          <Line
            dataKey="previousSales"
            name={`Previous ${days} days`}
            type="monotone"
            stroke="var(--color-ink-muted)"
            strokeDasharray="4 3"
            dot={false}
            isAnimationActive={false}
          />
        </ComposedChart>
      </ResponsiveContainer>
    </div>
  );
}
