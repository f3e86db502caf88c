// The orders service as the admin's server components and actions see it: always fresh, requested only
// at request time, with a 10 s timeout, and with a service token naming the signed-in staff member on
// every call — the orders service checks the permission again itself.
import { cache } from "react";
import { connection } from "next/server";
import { freshFetch } from "@emporium/http-fetch";
import { createOrdersClient, type OrdersRouterInputs } from "@emporium/orders/client";
import { backendAuthorization, type Staff } from "@/auth/session";
import { env } from "@/env";

const TIMEOUT_MS = 10_000;
const ordersFetch = freshFetch(TIMEOUT_MS);

/** The orders service's staff procedures, called as `staff`. */
export function ordersAs(staff: Staff) {
  return createOrdersClient({
    url: env.ORDERS_URL,
    fetch: ordersFetch,
    headers: async () => ({ authorization: await backendAuthorization(staff) }),
  }).admin;
}

export type OrderListInput = OrdersRouterInputs["admin"]["orders"]["list"];
export type CustomerListInput = OrdersRouterInputs["admin"]["customers"]["list"];

export const getOrderPage = cache(async (staff: Staff, input: OrderListInput) => {
  await connection();
  return ordersAs(staff).orders.list.query(input);
});

export const getOrder = cache(async (staff: Staff, orderId: string) => {
  await connection();
  return ordersAs(staff).orders.get.query({ orderId });
});

export const getCustomerPage = cache(async (staff: Staff, input: CustomerListInput) => {
  await connection();
  return ordersAs(staff).customers.list.query(input);
});

export const getCustomer = cache(async (staff: Staff, email: string) => {
  await connection();
  return ordersAs(staff).customers.get.query({ email });
});

export type SalesPeriod = 7 | 30 | 90;

/** Sales, orders and average order value per day over the period, and the period before it. */
export const getSales = cache(async (staff: Staff, days: SalesPeriod) => {
  await connection();
  return ordersAs(staff).dashboard.sales.query({ days });
});

/** Every saga command queue's depth and dead letters (the operations console). */
export const getDeadLetters = cache(async (staff: Staff) => {
  await connection();
  return ordersAs(staff).ops.deadLetters.query({});
});

/** Unfinished orders older than the orders service's threshold, with the step each waits on. */
export const getStuckOrders = cache(async (staff: Staff) => {
  await connection();
  return ordersAs(staff).ops.stuckOrders.query({ limit: 100 });
});
