// The dashboard's sales figures, from the orders' sales per day (the back-office read model): per day
// over a period and over the one before it (day i of each side by side, for the chart's comparison), with
// the totals of both (to show the change). An order
// counts from when it was placed unless it was cancelled; amounts are order totals in the shop's
// currency (gross, before refunds).
import type { BackOfficeReadModel } from "../ports/back-office-read-model";

export interface SalesDay {
  /** YYYY-MM-DD (UTC). */
  day: string;
  orders: number;
  sales: number;
}

export interface SalesTotals {
  orders: number;
  sales: number;
  /** Rounded to the minor unit; 0 without orders. */
  averageOrderValue: number;
  cancelled: number;
}

export interface SalesSummary {
  currency: string;
  days: number;
  byDay: SalesDay[];
  /** The previous period, day by day: `previousByDay[i]` is `days` days before `byDay[i]`. */
  previousByDay: SalesDay[];
  totals: SalesTotals;
  previous: SalesTotals;
}

const DAY_MS = 86_400_000;

function dayOf(date: Date): string {
  return date.toISOString().slice(0, 10);
}

function totalsOf(rows: { orders: number; sales: bigint | number; cancelled: number }[]): SalesTotals {
  const orders = rows.reduce((n, r) => n + r.orders, 0);
  const sales = rows.reduce((n, r) => n + Number(r.sales), 0);
  const cancelled = rows.reduce((n, r) => n + r.cancelled, 0);
  return { orders, sales, averageOrderValue: orders === 0 ? 0 : Math.round(sales / orders), cancelled };
}

/** The last `days` days up to and including today (UTC), every day listed even without orders. */
export async function salesSummary(
  reports: Pick<BackOfficeReadModel, "salesByDay">,
  options: { days: number; currency: string; now?: Date },
): Promise<SalesSummary> {
  const now = options.now ?? new Date();
  const end = new Date(Date.parse(`${dayOf(now)}T00:00:00Z`) + DAY_MS);
  const start = new Date(end.getTime() - options.days * DAY_MS);
  const before = new Date(start.getTime() - options.days * DAY_MS);
  const [current, previous] = await Promise.all([
    reports.salesByDay(options.currency, start, end),
    reports.salesByDay(options.currency, before, start),
  ]);
  const everyDay = (from: Date, rows: typeof current): SalesDay[] => {
    const byDate = new Map(rows.map((r) => [r.day, r]));
    return Array.from({ length: options.days }, (_, i) => {
      const day = dayOf(new Date(from.getTime() + i * DAY_MS));
      const row = byDate.get(day);
      return { day, orders: row?.orders ?? 0, sales: Number(row?.sales ?? 0) };
    });
  };
  return {
    currency: options.currency,
    days: options.days,
    byDay: everyDay(start, current),
    previousByDay: everyDay(before, previous),
    totals: totalsOf(current),
    previous: totalsOf(previous),
  };
}
