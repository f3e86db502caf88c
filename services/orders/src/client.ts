// A typed tRPC client for the orders service (queries and mutations over HTTP, order status over SSE).
import { createTRPCClient, httpLink, httpSubscriptionLink, splitLink } from "@trpc/client";
import type { OrdersRouter } from "./router/_app";

export type { OrdersRouter, OrdersRouterInputs, OrdersRouterOutputs } from "./router/_app";
export type * from "./app/views";
export type { AdminOrderDetail, AdminOrderPage, AdminOrderSummary } from "./app/admin-orders";
export type { CustomerDetail, CustomerPage, CustomerSummary } from "./app/admin-customers";
export type { SalesDay, SalesSummary, SalesTotals } from "./app/admin-sales";
export type { PaymentState, PaymentSummary } from "./domain/staff-actions";

export interface OrdersClientOptions {
  url: string;
  fetch?: typeof fetch;
  /** Sent with every query and mutation (e.g. a freshly signed `authorization` for staff calls). */
  headers?: () => Record<string, string> | Promise<Record<string, string>>;
}

export function createOrdersClient(options: OrdersClientOptions) {
  return createTRPCClient<OrdersRouter>({
    links: [
      splitLink({
        condition: (op) => op.type === "subscription",
        true: httpSubscriptionLink({ url: options.url }),
        false: httpLink({
          url: options.url,
          ...(options.fetch ? { fetch: options.fetch } : {}),
          ...(options.headers ? { headers: options.headers } : {}),
        }),
      }),
    ],
  });
}

export type OrdersClient = ReturnType<typeof createOrdersClient>;
