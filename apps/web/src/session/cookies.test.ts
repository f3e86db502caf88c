import { describe, expect, it } from "vitest";
import { accessTokenFrom, cartCookie, cartTokenFrom, orderCookie, orderCookieName } from "./cookies";

const orderId = "3f593305-116e-4573-8a0a-0ee5d9517605";

describe("cart cookie", () => {
  it("is httpOnly, SameSite=Lax, site-wide, and Secure only when asked", () => {
    const token = "a0cb9616-7607-4861-83ae-0bc4741f8dd5.0jSA-6OIZdnxy_tJZkZjEhnihHD4MiPg";
    expect(cartCookie(token, { secure: true })).toEqual({
      name: "emporium_cart",
      value: token,
      httpOnly: true,
      sameSite: "lax",
      secure: true,
      path: "/",
      maxAge: 30 * 24 * 3600,
    });
    expect(cartCookie(token, { secure: false }).secure).toBe(false);
  });

  it("ignores values the orders service would never issue", () => {
    expect(cartTokenFrom(undefined)).toBeNull();
    expect(cartTokenFrom("short")).toBeNull();
    expect(cartTokenFrom("abc\r\nSet-Cookie: x=1")).toBeNull();
    expect(cartTokenFrom("a0cb9616-7607.0jSA-6OIZ")).toBe("a0cb9616-7607.0jSA-6OIZ");
  });
});

describe("order cookie", () => {
  it("is named for its order and sent only to that order's pages", () => {
    const cookie = orderCookie(orderId, "kcR-m2-_cQe_nfvg-NWHEd7TX034vt_z", { secure: true });
    expect(cookie).toMatchObject({
      name: `emporium_order_${orderId}`,
      path: `/orders/${orderId}`,
      httpOnly: true,
      sameSite: "lax",
      secure: true,
    });
    expect(orderCookieName(orderId.toUpperCase())).toBe(cookie.name);
  });

  it("refuses to scope a cookie to something that is not an order id", () => {
    expect(() => orderCookie("../cart", "kcR-m2-_cQe_nfvg", { secure: false })).toThrow(/order id/);
  });

  it("reads only well-formed access tokens", () => {
    expect(accessTokenFrom("kcR-m2-_cQe_nfvg-NWHEd7TX034vt_z")).toBe("kcR-m2-_cQe_nfvg-NWHEd7TX034vt_z");
    expect(accessTokenFrom("has spaces in it")).toBeNull();
    expect(accessTokenFrom(undefined)).toBeNull();
  });
});
