// The staff's lists and figures, read straight from the orders: orders filtered and paged, customers
// (everyone who placed an order, one per email address, case-insensitive) and sales per day.
import type { OrderStatusName } from "@emporium/contracts";

export interface AdminOrderListInput {
  status?: OrderStatusName | undefined;
  /** Order number (or its start) or part of the email, case-insensitive. */
  q?: string | undefined;
  /** Placed at or after (inclusive) / before (exclusive). */
  from?: Date | undefined;
  to?: Date | undefined;
  page: number;
  limit: number;
}

export interface AdminOrderSummary {
  id: string;
  number: string;
  email: string;
  status: OrderStatusName;
  currency: string;
  total: number;
  refunded: number;
  itemCount: number;
  createdAt: string;
}

export interface AdminOrderPage {
  items: AdminOrderSummary[];
  total: number;
  page: number;
  pageCount: number;
}

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

/** One UTC day of orders in one currency (days without orders are absent). */
export interface SalesDayRecord {
  /** YYYY-MM-DD (UTC). */
  day: string;
  /** Orders placed that day and not cancelled, and their totals. */
  orders: number;
  sales: bigint;
  cancelled: number;
}

export interface BackOfficeReadModel {
  /** Orders newest first, filtered and paged. */
  orders(input: AdminOrderListInput): Promise<AdminOrderPage>;
  /** Customers, the latest to order first, optionally those whose email contains `q`. */
  customers(input: { q?: string | undefined; page: number; limit: number }): Promise<CustomerPage>;
  /** One customer with their latest orders; null when nobody ordered with that email. */
  customer(email: string): Promise<CustomerDetail | null>;
  /** Orders and sales per day placed in [from, to). */
  salesByDay(currency: string, from: Date, to: Date): Promise<SalesDayRecord[]>;
}
