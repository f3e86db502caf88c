// The orders service as the storefront's server code sees it. Cart and order tokens are capabilities:
// only this server holds them (in httpOnly cookies) and sends them on; the browser never does.
// Nothing here is cached — every answer belongs to one shopper, whose address goes with each call
// (placing orders is limited per address). Only server code imports this module.
import { freshFetch } from "@emporium/http-fetch";
import { createOrdersClient } from "@emporium/orders/client";
import { clientIp } from "@/client-ip";
import { env } from "@/env";

const TIMEOUT_MS = 10_000;

export const orders = createOrdersClient({ url: env.ORDERS_URL, fetch: freshFetch(TIMEOUT_MS), clientIp });

/** The URL that streams an order's changes as server-sent events (tRPC's SSE format). */
export function orderWatchUrl(orderId: string, accessToken: string): string {
  const input = encodeURIComponent(JSON.stringify({ orderId, accessToken }));
  return `${env.ORDERS_URL}/order.watch?input=${input}`;
}
