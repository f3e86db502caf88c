import type { Metadata } from "next";
import Link from "next/link";
import type { CustomerPage } from "@emporium/orders/client";
import { buttonStyles } from "@emporium/ui/button";
import { EmptyState } from "@emporium/ui/empty-state";
import { formatMoney } from "@emporium/ui/money";
import { Pagination } from "@emporium/ui/pagination";
import { requireStaff } from "@/auth/session";
import { isCatalogUnavailable as isServiceUnavailable } from "@/trpc/catalog-unavailable";
import { getCustomerPage } from "@/trpc/orders";
import { AdminLink } from "../../admin-link";
import { OrdersUnavailableNotice } from "../../orders-unavailable-notice";
import { PageNumbers } from "../../page-numbers";
import { countOf } from "@/count";

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
          <div className="mt-6 overflow-x-auto rounded-2xl border border-line bg-surface">
            <table className="w-full text-left text-sm">
              <caption className="sr-only">
                Customers, most recent order first ({result.total} in total)
              </caption>
              <thead className="border-b border-line bg-canvas-muted text-xs tracking-wide text-ink-muted uppercase">
                <tr>
                  <th scope="col" className="px-4 py-3 font-medium">
                    Customer
                  </th>
                  <th scope="col" className="px-4 py-3 text-right font-medium">
                    Orders
                  </th>
                  <th scope="col" className="px-4 py-3 text-right font-medium">
                    Spent
                  </th>
                  <th scope="col" className="px-4 py-3 font-medium">
                    Last order
                  </th>
                </tr>
              </thead>
              <tbody className="divide-y divide-line">
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
                    <td className="px-4 py-2 text-right tabular-nums">
                      {formatMoney(c.totalSpent, c.currency)}
                    </td>
                    <td className="px-4 py-2 whitespace-nowrap">{date.format(new Date(c.lastOrderAt))}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <Pagination
            className="mt-6"
            label="Customer pages"
            prevHref={result.page > 1 ? customersHref(q, result.page - 1) : null}
            nextHref={result.page < result.pageCount ? customersHref(q, result.page + 1) : null}
            status={
              <div className="flex flex-col items-center gap-2">
                <PageNumbers
                  page={result.page}
                  pageCount={result.pageCount}
                  href={(p) => customersHref(q, p)}
                  label="Customer page numbers"
                />
                <span>
                  Page {result.page} of {result.pageCount} · {countOf(result.total, "customer")}
                </span>
              </div>
            }
            LinkComponent={AdminLink}
          />
        </>
      )}
    </>
  );
}
