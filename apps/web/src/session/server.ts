// Reading and writing the storefront's cookies (see ./cookies for what they are). Writes are only
// possible in server actions and route handlers. Only server code imports this module.
import { cookies } from "next/headers";
import { env } from "@/env";
import {
  accessTokenFrom,
  CART_COOKIE,
  cartCookie,
  cartTokenFrom,
  orderCookie,
  orderCookieName,
} from "./cookies";

export async function readCartToken(): Promise<string | null> {
  return cartTokenFrom((await cookies()).get(CART_COOKIE)?.value);
}

export async function writeCartToken(token: string): Promise<void> {
  (await cookies()).set(cartCookie(token, { secure: env.SECURE_COOKIES }));
}

export async function clearCartToken(): Promise<void> {
  (await cookies()).delete({ name: CART_COOKIE, path: "/" });
}

export async function readOrderToken(orderId: string): Promise<string | null> {
  return accessTokenFrom((await cookies()).get(orderCookieName(orderId))?.value);
}

export async function writeOrderToken(orderId: string, accessToken: string): Promise<void> {
  (await cookies()).set(orderCookie(orderId, accessToken, { secure: env.SECURE_COOKIES }));
}
