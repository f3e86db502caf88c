// GET /account/welcome?next=… — where every sign-in lands (password or single sign-on): the guest
// cart joins the shopper's own (or their cart from another visit comes back), the cart cookie follows,
// and the shopper goes on to where they were heading.
import type { NextRequest, NextResponse } from "next/server";
import { safeReturnPath } from "@/return-path";
import { currentShopper, ordersAs } from "@/auth/session";
import { backendFault } from "@emporium/runtime/app-logging";
import { env } from "@/env";
import { serverLog } from "@/server-log";
import { cartCookie, CART_COOKIE, cartTokenFrom } from "@/session/cookies";
import { seeOther } from "@/session/redirect";

export async function GET(request: NextRequest): Promise<NextResponse> {
  const next = safeReturnPath(request.nextUrl.searchParams.get("next"), "/account");
  const shopper = await currentShopper();
  const response = seeOther(shopper ? next : "/account/sign-in");
  if (!shopper) return response;
  const guest = cartTokenFrom(request.cookies.get(CART_COOKIE)?.value) ?? undefined;
  try {
    const { cartToken } = await ordersAs(shopper).account.cart.claim.mutate(
      guest ? { cartToken: guest } : {},
    );
    if (cartToken) response.cookies.set(cartCookie(cartToken, { secure: env.SECURE_COOKIES }));
  } catch (error) {
    // The orders service is away: the shopper is signed in all the same, with the cart they had.
    if (backendFault(error))
      serverLog().warn({ err: error }, "sign-in: the shopper's cart was not claimed (orders service)");
  }
  return response;
}
