// The signed-in shopper, for server components, server actions and route handlers, and the orders
// service called as them (a short-lived token naming them, which orders verifies). Only server code
// imports this module.
import { cache } from "react";
import { getServerSession } from "next-auth";
import { freshFetch } from "@emporium/http-fetch";
import { createOrdersClient } from "@emporium/orders/client";
import { clientIp } from "@/client-ip";
import { env } from "@/env";
import { authOptions } from "./options";
import { bearerFor } from "./service-token";

export interface Shopper {
  id: string;
  email: string;
  name: string;
}

export const currentShopper = cache(async (): Promise<Shopper | null> => {
  const session = await getServerSession(authOptions());
  return session?.shopper ?? null;
});

const ordersFetch = freshFetch(10_000);

/**
 * The orders service as the shopper: their orders, addresses, cart, and checkout into their account
 * (limited per address, so each call names the shopper's).
 */
export function ordersAs(shopper: Shopper) {
  return createOrdersClient({
    url: env.ORDERS_URL,
    fetch: ordersFetch,
    clientIp,
    headers: async () => ({
      authorization: await bearerFor({ kind: "shopper", userId: shopper.id, email: shopper.email }),
    }),
  });
}
