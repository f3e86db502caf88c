import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { TRPCClientError } from "@trpc/client";
import { formatMoney } from "@emporium/ui/money";
import { requireStaff } from "@/auth/session";
import { getCustomer } from "@/trpc/orders";
import { OrderStatusBadge, OrderTotalCell } from "../../../order-status";
import { DataTable } from "../../../data-table";

export const metadata: Metadata = { title: "Customer" };

const dateTime = new Intl.DateTimeFormat("en-GB", {
  dateStyle: "medium",
  timeStyle: "short",
  timeZone: "UTC",
});

export default async function CustomerPage({ params }: { params: Promise<{ email: string }> }) {
  const staff = await requireStaff();
  const email = decodeURIComponent((await params).email);
  if (email.length > 254 || !email.includes("@")) notFound();
  let customer;
  try {
    customer = await getCustomer(staff, email);
  } catch (error) {
    if (
      error instanceof TRPCClientError &&
      (error.data?.code === "NOT_FOUND" || error.data?.code === "BAD_REQUEST")
    )
      notFound();
    throw error;
  }
  const money = (minor: number) => formatMoney(minor, customer.currency);
  return (
    <>
      <nav aria-label="Breadcrumb" className="text-sm text-ink-muted">
        <Link href="/customers" className="hover:underline">
          Customers
        </Link>{" "}
        / <span aria-current="page">{customer.email}</span>
      </nav>
      <h1 className="mt-4 text-2xl font-semibold tracking-tight">{customer.email}</h1>
      <dl className="mt-4 grid max-w-xl grid-cols-2 gap-y-1 text-sm">
        <dt className="text-ink-muted">Account</dt>
        <dd>{customer.customerId ? "Signed-in shopper" : "Guest checkouts only"}</dd>
        <dt className="text-ink-muted">Orders</dt>
        <dd className="tabular-nums">{customer.orderCount}</dd>
        <dt className="text-ink-muted">Spent (after refunds)</dt>
        <dd className="tabular-nums">{money(customer.totalSpent)}</dd>
        <dt className="text-ink-muted">First order</dt>
        <dd>{dateTime.format(new Date(customer.firstOrderAt))} UTC</dd>
        <dt className="text-ink-muted">Last order</dt>
        <dd>{dateTime.format(new Date(customer.lastOrderAt))} UTC</dd>
      </dl>

      <section aria-labelledby="orders-heading" className="mt-8">
        <h2 id="orders-heading" className="text-lg font-semibold">
          Orders
        </h2>
        <DataTable
          columns={[
            { title: "Order" },
            { title: "Placed (UTC)" },
            { title: "Status" },
            { title: "Total", numeric: true },
          ]}
          className="mt-3"
        >
          {customer.orders.map((o) => (
            <tr key={o.id}>
              <th scope="row" className="px-4 py-2 font-medium">
                <Link href={`/orders/${o.id}`} className="font-mono text-brand-700 hover:underline">
                  {o.number}
                </Link>
              </th>
              <td className="px-4 py-2 whitespace-nowrap">{dateTime.format(new Date(o.createdAt))}</td>
              <td className="px-4 py-2">
                <OrderStatusBadge status={o.status} />
              </td>
              <OrderTotalCell total={o.total} refunded={o.refunded} currency={o.currency} />
            </tr>
          ))}
        </DataTable>
      </section>
    </>
  );
}
