import type { Metadata } from "next";
import Link from "next/link";
import type { CustomerPage } from "@emporium/orders/client";
import { buttonStyles } from "@emporium/ui/button";
import { EmptyState } from "@emporium/ui/empty-state";
import { formatMoney } from "@emporium/ui/money";
import { requireStaff } from "@/auth/session";
import { isCatalogUnavailable as isServiceUnavailable } from "@/trpc/catalog-unavailable";
import { getCustomerPage } from "@/trpc/orders";
import { OrdersUnavailableNotice } from "../../orders-unavailable-notice";
import { PagedNav } from "../../page-numbers";
import { countOf } from "@/count";
import { DataTable } from "../../data-table";

export const metadata: Metadata = { title: "Customers" };

const PAGE_SIZE = 25;
const date = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeZone: "UTC" });

interface CustomersPageProps {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

function one(value: string | string[] | undefined): string | undefined {
  return typeof value === "string" && value !== "" ? value : undefined;
}

function customersHref(q: string | undefined, page = 1): string {
  const params = new URLSearchParams();
  if (q) params.set("q", q);
  if (page > 1) params.set("page", String(page));
  const query = params.toString();
  return query ? `/customers?${query}` : "/customers";
}

export default async function CustomersPage({ searchParams }: CustomersPageProps) {
  const staff = await requireStaff();
  const params = await searchParams;
  const q = one(params.q)?.slice(0, 200);
  const requested = Number(one(params.page) ?? "1");
  const page = Number.isInteger(requested) && requested >= 1 && requested <= 100_000 ? requested : 1;

  let result: CustomerPage | null;
  try {
    result = await getCustomerPage(staff, { q, page, limit: PAGE_SIZE });
  } catch (error) {
    if (!isServiceUnavailable(error)) throw error;
    result = null;
  }

  return (
    <>
      <h1 className="text-2xl font-semibold tracking-tight">Customers</h1>
      <p className="mt-1 text-sm text-ink-muted">Everyone who has placed an order, by email address.</p>
      <form role="search" action="/customers" className="mt-6 flex flex-wrap items-end gap-3">
        <div className="flex min-w-64 flex-1 flex-col gap-1">
          <label htmlFor="customer-search" className="text-sm font-medium">
            Search by email
          </label>
          <input
            id="customer-search"
            name="q"
            type="search"
            defaultValue={q}
            className="rounded-lg border border-line-strong bg-surface px-3 py-2 text-sm"
          />
        </div>
        <button type="submit" className={buttonStyles({ variant: "secondary" })}>
          Search
        </button>
      </form>
      {result === null ? (
        <div className="mt-6">
          <OrdersUnavailableNotice />
        </div>
      ) : result.items.length === 0 ? (
        <EmptyState
          className="mt-6"
          title={q ? "No customers match" : "No customers yet"}
          action={
            q && (
              <Link href="/customers" className={buttonStyles({ variant: "secondary" })}>
                Clear the search
              </Link>
            )
          }
        >
          {q
            ? `Nobody who ordered has an email containing “${q}”.`
            : "Customers appear with their first order."}
        </EmptyState>
      ) : (
        <>
          <DataTable
            columns={[
              { title: "Customer" },
              { title: "Orders", numeric: true },
              { title: "Spent", numeric: true },
              { title: "Last order" },
            ]}
            caption={`Customers, most recent order first (${result.total} in total)`}
          >
            {result.items.map((c) => (
              <tr key={c.email}>
                <th scope="row" className="px-4 py-2 font-medium">
                  <Link
                    href={`/customers/${encodeURIComponent(c.email)}`}
                    className="text-brand-700 hover:underline"
                  >
                    {c.email}
                  </Link>
                  <span className="block text-xs font-normal text-ink-muted">
                    {c.customerId ? "Account" : "Guest"}
                  </span>
                </th>
                <td className="px-4 py-2 text-right tabular-nums">{c.orderCount}</td>
                <td className="px-4 py-2 text-right tabular-nums">{formatMoney(c.totalSpent, c.currency)}</td>
                <td className="px-4 py-2 whitespace-nowrap">{date.format(new Date(c.lastOrderAt))}</td>
              </tr>
            ))}
          </DataTable>
          <PagedNav
            label="Customer pages"
            page={result.page}
            pageCount={result.pageCount}
            href={(p) => customersHref(q, p)}
            total={countOf(result.total, "customer")}
          />
        </>
      )}
    </>
  );
}
