// GET /account/orders/<number> — one of the signed-in shopper's orders: the orders service checks it is
// theirs, and its live page opens with the access token set as that order's cookie.
import type { NextRequest } from "next/server";
import { currentShopper, ordersAs } from "@/auth/session";
import { backendFault } from "@emporium/runtime/app-logging";
import { env } from "@/env";
import { serverLog } from "@/server-log";
import { orderCookie, orderPath } from "@/session/cookies";
import { seeOther } from "@/session/redirect";

export async function GET(_request: NextRequest, { params }: { params: Promise<{ number: string }> }) {
  const shopper = await currentShopper();
  if (!shopper) return seeOther("/account/sign-in?next=/account");
  const { number } = await params;
  let order;
  try {
    order = await ordersAs(shopper).account.orders.get.query({ number });
  } catch (error) {
    if (backendFault(error)) serverLog().warn({ err: error }, "account: the orders service gave no order");
    return seeOther("/account?missing=1");
  }
  const response = seeOther(orderPath(order.id));
  response.cookies.set(orderCookie(order.id, order.accessToken, { secure: env.SECURE_COOKIES }));
  return response;
}
