// Customers as the orders service knows them: everyone who placed an order, one per email address
// (case-insensitive — guests have nothing else, and a signed-in shopper's orders carry the same email).
// Where an order carries an identity user id, the customer is shown as having an account.
import type { OrderStatusName } from "@emporium/contracts";
import { Prisma, type Database } from "@emporium/db";
import { NotFoundError } from "@emporium/service-kit/errors";
import { sagaFactsSchema } from "../domain/saga";

export interface CustomerSummary {
  email: string;
  /** The identity user id from the customer's latest order that had one (null: guest only). */
  customerId: string | null;
  orderCount: number;
  /** Minor units paid for orders that were not cancelled, less refunds. */
  totalSpent: number;
  currency: string;
  firstOrderAt: string;
  lastOrderAt: string;
}

export interface CustomerPage {
  items: CustomerSummary[];
  total: number;
  page: number;
  pageCount: number;
}

export interface CustomerDetail extends CustomerSummary {
  orders: {
    id: string;
    number: string;
    status: OrderStatusName;
    total: number;
    refunded: number;
    currency: string;
    createdAt: string;
  }[];
}

interface CustomerRow {
  email: string;
  customer_id: string | null;
  order_count: bigint;
  total_spent: bigint | null;
  currency: string;
  first_order_at: Date;
  last_order_at: Date;
}

// Spent = totals of orders not cancelled, minus what was refunded on them (kept in the saga's facts).
const AGGREGATES = Prisma.sql`
  lower(email) AS email,
  (array_agg(customer_id ORDER BY created_at DESC) FILTER (WHERE customer_id IS NOT NULL))[1]::text AS customer_id,
  count(*) AS order_count,
  sum(CASE WHEN status = 'CANCELLED' THEN 0
           ELSE total - COALESCE((saga->>'refundedAmount')::int, 0) END) AS total_spent,
  min(currency) AS currency,
  min(created_at) AS first_order_at,
  max(created_at) AS last_order_at`;

function toSummary(r: CustomerRow): CustomerSummary {
  return {
    email: r.email,
    customerId: r.customer_id,
    orderCount: Number(r.order_count),
    totalSpent: Number(r.total_spent ?? 0n),
    currency: r.currency.trim(),
    firstOrderAt: r.first_order_at.toISOString(),
    lastOrderAt: r.last_order_at.toISOString(),
  };
}

/** LIKE pattern for a search term, its wildcards taken literally. */
function containsPattern(q: string): string {
  return `%${q.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

export async function listCustomers(
  db: Database,
  input: { q?: string | undefined; page: number; limit: number },
): Promise<CustomerPage> {
  const q = input.q?.trim();
  const filter = q ? Prisma.sql`WHERE lower(email) LIKE ${containsPattern(q)}` : Prisma.empty;
  const [counted, rows] = await Promise.all([
    db.prisma.$queryRaw<{ n: bigint }[]>`
      SELECT count(DISTINCT lower(email)) AS n FROM orders.orders ${filter}`,
    db.prisma.$queryRaw<CustomerRow[]>`
      SELECT ${AGGREGATES} FROM orders.orders ${filter}
      GROUP BY lower(email)
      ORDER BY max(created_at) DESC, lower(email)
      LIMIT ${input.limit} OFFSET ${(input.page - 1) * input.limit}`,
  ]);
  const total = Number(counted[0]?.n ?? 0n);
  return {
    items: rows.map(toSummary),
    total,
    page: input.page,
    pageCount: Math.max(1, Math.ceil(total / input.limit)),
  };
}

export async function getCustomer(db: Database, email: string): Promise<CustomerDetail> {
  const key = email.trim().toLowerCase();
  const [summary] = await db.prisma.$queryRaw<CustomerRow[]>`
    SELECT ${AGGREGATES} FROM orders.orders WHERE lower(email) = ${key} GROUP BY lower(email)`;
  if (!summary) throw new NotFoundError("No customer has ordered with that email");
  const orders = await db.prisma.order.findMany({
    where: { email: { equals: key, mode: "insensitive" } },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: 200,
  });
  return {
    ...toSummary(summary),
    orders: orders.map((o) => ({
      id: o.id,
      number: o.number,
      status: o.status,
      total: o.total,
      refunded: sagaFactsSchema.parse(o.saga).refundedAmount ?? 0,
      currency: o.currency,
      createdAt: o.createdAt.toISOString(),
    })),
  };
}
