// The BackOfficeReadModel port on the orders schema: the staff's order list, the customers and the
// sales per day, each a query or two over the orders table. Customers as the orders service knows
// them: everyone who placed an order, one per email address (case-insensitive — guests have nothing else, and a signed-in shopper's orders carry the same email).
// Where an order carries an identity user id, the customer is shown as having an account.
import { Prisma, type Database } from "@emporium/db";
import { sagaFactsSchema } from "../../domain/saga";
import type {
  AdminOrderListInput,
  AdminOrderPage,
  BackOfficeReadModel,
  CustomerDetail,
  CustomerPage,
  CustomerSummary,
  SalesDayRecord,
} from "../../ports/back-office-read-model";

export function sqlBackOfficeReadModel(db: Database): BackOfficeReadModel {
  return {
    orders: (input) => listOrders(db, input),
    customers: (input) => listCustomers(db, input),
    customer: (email) => getCustomer(db, email),
    salesByDay: (currency, from, to) => perDay(db, currency, from, to),
  };
}

/**
 * A checkout still being paid for, or given up (its card refused, or never paid), is not an order the
 * merchant sees — not in the orders list, the customers or the dashboard's sales: orders held for another
 * card (see domain/saga.ts) count from their authorization on. The same rule for Prisma and for SQL.
 */
const UNPAID_CHECKOUT: Prisma.OrderWhereInput = {
  status: { in: ["PENDING", "CANCELLED"] },
  saga: { path: ["holdForRetry"], not: Prisma.AnyNull },
};
const MERCHANT_ORDER = Prisma.sql`NOT (status IN ('PENDING', 'CANCELLED')
  AND coalesce(jsonb_typeof(saga->'holdForRetry'), 'null') <> 'null')`;

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

async function listCustomers(
  db: Database,
  input: { q?: string | undefined; page: number; limit: number },
): Promise<CustomerPage> {
  const q = input.q?.trim();
  const filter = q
    ? Prisma.sql`WHERE ${MERCHANT_ORDER} AND lower(email) LIKE ${containsPattern(q)}`
    : Prisma.sql`WHERE ${MERCHANT_ORDER}`;
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

async function getCustomer(db: Database, email: string): Promise<CustomerDetail | null> {
  const key = email.trim().toLowerCase();
  const [summary] = await db.prisma.$queryRaw<CustomerRow[]>`
    SELECT ${AGGREGATES} FROM orders.orders WHERE ${MERCHANT_ORDER} AND lower(email) = ${key} GROUP BY lower(email)`;
  if (!summary) return null;
  const orders = await db.prisma.order.findMany({
    where: { email: { equals: key, mode: "insensitive" }, NOT: UNPAID_CHECKOUT },
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

function orderWhere(input: AdminOrderListInput): Prisma.OrderWhereInput {
  const q = input.q?.trim();
  return {
    NOT: UNPAID_CHECKOUT,
    ...(input.status ? { status: input.status } : {}),
    ...(input.from || input.to
      ? { createdAt: { ...(input.from ? { gte: input.from } : {}), ...(input.to ? { lt: input.to } : {}) } }
      : {}),
    ...(q
      ? {
          OR: [
            { number: { startsWith: q.toUpperCase() } },
            { email: { contains: q, mode: "insensitive" as const } },
          ],
        }
      : {}),
  };
}

async function listOrders(db: Database, input: AdminOrderListInput): Promise<AdminOrderPage> {
  const where = orderWhere(input);
  const [total, rows] = await Promise.all([
    db.prisma.order.count({ where }),
    db.prisma.order.findMany({
      where,
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      skip: (input.page - 1) * input.limit,
      take: input.limit,
      include: { lines: { select: { quantity: true } } },
    }),
  ]);
  return {
    items: rows.map((o) => ({
      id: o.id,
      number: o.number,
      email: o.email,
      status: o.status,
      currency: o.currency,
      total: o.total,
      refunded: sagaFactsSchema.parse(o.saga).refundedAmount ?? 0,
      itemCount: o.lines.reduce((n, l) => n + l.quantity, 0),
      createdAt: o.createdAt.toISOString(),
    })),
    total,
    page: input.page,
    pageCount: Math.max(1, Math.ceil(total / input.limit)),
  };
}

// An order counts from when it was placed unless it was cancelled (or is an unpaid checkout); amounts are
// order totals (gross).
async function perDay(db: Database, currency: string, from: Date, to: Date): Promise<SalesDayRecord[]> {
  return db.prisma.$queryRaw<{ day: string; orders: number; sales: bigint; cancelled: number }[]>(Prisma.sql`
    SELECT to_char(created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD') AS day,
           count(*) FILTER (WHERE status <> 'CANCELLED')::int AS orders,
           coalesce(sum(total) FILTER (WHERE status <> 'CANCELLED'), 0)::bigint AS sales,
           count(*) FILTER (WHERE status = 'CANCELLED')::int AS cancelled
      FROM orders.orders
     WHERE ${MERCHANT_ORDER} AND currency = ${currency} AND created_at >= ${from} AND created_at < ${to}
     GROUP BY 1`);
}
