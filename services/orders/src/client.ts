// A typed tRPC client for the orders service (queries and mutations over HTTP, order status over SSE).
import { createTRPCClient } from "@trpc/client";
import { serviceLinks, type ServiceClientOptions } from "@emporium/service-kit/client";
import type { OrdersRouter } from "./api/router/_app";

export type { OrdersRouter, OrdersRouterInputs, OrdersRouterOutputs } from "./api/router/_app";
export type * from "./app/views";
export type { AdminOrderDetail } from "./app/admin-orders";
export type {
  AdminOrderPage,
  AdminOrderSummary,
  CustomerDetail,
  CustomerPage,
  CustomerSummary,
} from "./ports/back-office-read-model";
export type { SalesDay, SalesSummary, SalesTotals } from "./app/admin-sales";
export type { PaymentState, PaymentSummary } from "./domain/staff-actions";

export type OrdersClientOptions = ServiceClientOptions;

export function createOrdersClient(options: ServiceClientOptions) {
  return createTRPCClient<OrdersRouter>({ links: serviceLinks(options, { subscriptions: true }) });
}

export type OrdersClient = ReturnType<typeof createOrdersClient>;
