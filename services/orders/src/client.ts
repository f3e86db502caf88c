// A typed tRPC client for the orders service (queries and mutations over HTTP, order status over SSE).
import { createTRPCClient, httpLink, httpSubscriptionLink, splitLink } from "@trpc/client";
import type { OrdersRouter } from "./router/_app";

export type { OrdersRouter, OrdersRouterInputs, OrdersRouterOutputs } from "./router/_app";
export type * from "./app/views";

export interface OrdersClientOptions {
  url: string;
  fetch?: typeof fetch;
  headers?: () => Record<string, string>;
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
