// The storefront's cookies, as pure data. Both hold capabilities issued by the orders service, so both
// are httpOnly (client JavaScript never sees them), SameSite=Lax (not sent on cross-site posts) and
// Secure in production:
//  - the cart token, for the whole site (every page shows the cart count);
//  - one access token per order, scoped to that order's pages (/orders/<id> and its live stream), so
//    it travels nowhere else and several orders can be watched side by side.

export interface CookieSpec {
  name: string;
  value: string;
  httpOnly: true;
  sameSite: "lax";
  secure: boolean;
  path: string;
  maxAge: number;
}

const DAY_SECONDS = 24 * 60 * 60;

export const CART_COOKIE = "emporium_cart";
/** As long as the orders service keeps an untouched cart. */
export const CART_MAX_AGE_SECONDS = 30 * DAY_SECONDS;
export const ORDER_MAX_AGE_SECONDS = 90 * DAY_SECONDS;

export const ORDER_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The shapes the orders service issues; anything else in a cookie is ignored rather than sent on. */
const CART_TOKEN = /^[A-Za-z0-9._-]{10,200}$/;
const ACCESS_TOKEN = /^[A-Za-z0-9_-]{10,100}$/;

export function isOrderId(value: string): boolean {
  return ORDER_ID.test(value);
}

export function cartCookie(token: string, options: { secure: boolean }): CookieSpec {
  return {
    name: CART_COOKIE,
    value: token,
    httpOnly: true,
    sameSite: "lax",
    secure: options.secure,
    path: "/",
    maxAge: CART_MAX_AGE_SECONDS,
  };
}

export const orderPath = (orderId: string): string => `/orders/${orderId}`;

export function orderCookieName(orderId: string): string {
  return `emporium_order_${orderId.toLowerCase()}`;
}

export function orderCookie(orderId: string, accessToken: string, options: { secure: boolean }): CookieSpec {
  if (!isOrderId(orderId)) throw new Error(`not an order id: ${orderId}`);
  return {
    name: orderCookieName(orderId),
    value: accessToken,
    httpOnly: true,
    sameSite: "lax",
    secure: options.secure,
    path: orderPath(orderId.toLowerCase()),
    maxAge: ORDER_MAX_AGE_SECONDS,
  };
}

/** The cart token from a cookie value, or null when it is missing or not one the service issues. */
export function cartTokenFrom(value: string | undefined): string | null {
  return value && CART_TOKEN.test(value) ? value : null;
}

export function accessTokenFrom(value: string | undefined): string | null {
  return value && ACCESS_TOKEN.test(value) ? value : null;
}
