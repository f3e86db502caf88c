import type { Metadata } from "next";
import Link from "next/link";
import { TRPCClientError } from "@trpc/client";
import type { AdminOrderPage } from "@emporium/orders/client";
import { buttonStyles } from "@emporium/ui/button";
import { EmptyState } from "@emporium/ui/empty-state";
import { requireStaff } from "@/auth/session";
import { isCatalogUnavailable as isServiceUnavailable } from "@/trpc/catalog-unavailable";
import { getOrderPage } from "@/trpc/orders";
import { ORDER_STATUSES, OrderStatusBadge, OrderTotalCell } from "../../order-status";
import { OrdersUnavailableNotice } from "../../orders-unavailable-notice";
import { PagedNav } from "../../page-numbers";
import { countOf } from "@/count";
import { DataTable } from "../../data-table";

export const metadata: Metadata = { title: "Orders" };

const PAGE_SIZE = 25;
const DAY = /^\d{4}-\d{2}-\d{2}$/;

interface OrdersPageProps {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

interface Filters {
  q?: string | undefined;
  status?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
}

function one(value: string | string[] | undefined): string | undefined {
  return typeof value === "string" && value !== "" ? value : undefined;
}

function ordersHref(f: Filters, page = 1): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(f)) if (v) params.set(k, v);
  if (page > 1) params.set("page", String(page));
  const query = params.toString();
  return query ? `/orders?${query}` : "/orders";
}

const dateTime = new Intl.DateTimeFormat("en-GB", {
  dateStyle: "medium",
  timeStyle: "short",
  timeZone: "UTC",
});

export default async function OrdersPage({ searchParams }: OrdersPageProps) {
  const staff = await requireStaff();
  const params = await searchParams;
  const q = one(params.q)?.slice(0, 200);
  const status = ORDER_STATUSES.find((s) => s.value === one(params.status))?.value;
  const from = DAY.test(one(params.from) ?? "") ? one(params.from) : undefined;
  const to = DAY.test(one(params.to) ?? "") ? one(params.to) : undefined;
  const requested = Number(one(params.page) ?? "1");
  const page = Number.isInteger(requested) && requested >= 1 && requested <= 100_000 ? requested : 1;
  const filters: Filters = { q, status, from, to };
  const filtered = Boolean(q || status || from || to);

  let result: AdminOrderPage | null;
  let refusal: string | null = null;
  try {
    result = await getOrderPage(staff, { q, status, from, to, page, limit: PAGE_SIZE });
  } catch (error) {
    // A bad filter (e.g. "to" before "from") is said in place; an unreachable service gets a notice.
    if (error instanceof TRPCClientError && error.data?.code === "BAD_REQUEST") refusal = error.message;
    else if (!isServiceUnavailable(error)) throw error;
    result = null;
  }

  const field = "rounded-lg border border-line-strong bg-surface px-3 py-2 text-sm";
  return (
    <>
      <h1 className="text-2xl font-semibold tracking-tight">Orders</h1>
      <form role="search" action="/orders" className="mt-6 flex flex-wrap items-end gap-3">
        <div className="flex min-w-64 flex-1 flex-col gap-1">
          <label htmlFor="order-search" className="text-sm font-medium">
            Search by order number or email
          </label>
          <input id="order-search" name="q" type="search" defaultValue={q} className={field} />
        </div>
        <div className="flex flex-col gap-1">
          <label htmlFor="order-status" className="text-sm font-medium">
            Status
          </label>
          <select id="order-status" name="status" defaultValue={status ?? ""} className={field}>
            <option value="">Any status</option>
            {ORDER_STATUSES.map((s) => (
              <option key={s.value} value={s.value}>
                {s.label}
              </option>
            ))}
          </select>
        </div>
        <div className="flex flex-col gap-1">
          <label htmlFor="order-from" className="text-sm font-medium">
            Placed from
          </label>
          <input id="order-from" name="from" type="date" defaultValue={from} className={field} />
        </div>
        <div className="flex flex-col gap-1">
          <label htmlFor="order-to" className="text-sm font-medium">
            to
          </label>
          <input id="order-to" name="to" type="date" defaultValue={to} className={field} />
        </div>
        <button type="submit" className={buttonStyles({ variant: "secondary" })}>
          Filter
        </button>
      </form>
      {refusal ? (
        <p role="alert" className="mt-6 text-sm text-sale">
          {refusal}
        </p>
      ) : result === null ? (
        <div className="mt-6">
          <OrdersUnavailableNotice />
        </div>
      ) : result.items.length === 0 ? (
        <EmptyState
          className="mt-6"
          title={filtered ? "No orders match" : "No orders yet"}
          action={
            filtered && (
              <Link href="/orders" className={buttonStyles({ variant: "secondary" })}>
                Clear the filters
              </Link>
            )
          }
        >
          {filtered
            ? "Try another search, status or date range."
            : "Orders appear here as shoppers check out."}
        </EmptyState>
      ) : (
        <>
          <DataTable
            columns={[
              { title: "Order" },
              { title: "Placed (UTC)" },
              { title: "Customer" },
              { title: "Status" },
              { title: "Items", numeric: true },
              { title: "Total", numeric: true },
            ]}
            caption={`Orders, newest first (${result.total} in total)`}
          >
            {result.items.map((o) => (
              <tr key={o.id}>
                <th scope="row" className="px-4 py-2 font-medium">
                  <Link href={`/orders/${o.id}`} className="font-mono text-brand-700 hover:underline">
                    {o.number}
                  </Link>
                </th>
                <td className="px-4 py-2 whitespace-nowrap">{dateTime.format(new Date(o.createdAt))}</td>
                <td className="px-4 py-2">
                  <Link
                    href={`/customers/${encodeURIComponent(o.email.toLowerCase())}`}
                    className="hover:underline"
                  >
                    {o.email}
                  </Link>
                </td>
                <td className="px-4 py-2">
                  <OrderStatusBadge status={o.status} />
                </td>
                <td className="px-4 py-2 text-right tabular-nums">{o.itemCount}</td>
                <OrderTotalCell total={o.total} refunded={o.refunded} currency={o.currency} />
              </tr>
            ))}
          </DataTable>
          <PagedNav
            label="Order pages"
            page={result.page}
            pageCount={result.pageCount}
            href={(p) => ordersHref(filters, p)}
            total={countOf(result.total, "order")}
          />
        </>
      )}
    </>
  );
}
