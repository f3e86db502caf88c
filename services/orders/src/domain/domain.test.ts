import { describe, expect, it } from "vitest";
import { computeTotals, sameOrder, shippingPrice } from "./checkout";
import { requestHash } from "./idempotency";
import { newOrderNumber, ORDER_NUMBER } from "./order-number";
import { orderToken, signCart, verifyCart, verifyOrderToken } from "./tokens";

describe("checkout totals", () => {
  it("adds lines and shipping in cents, free standard shipping from $75", () => {
    expect(computeTotals([{ quantity: 2, unitPrice: 1999 }], "standard")).toEqual({
      subtotal: 3998,
      shippingTotal: 500,
      taxTotal: 0,
      total: 4498,
    });
    expect(shippingPrice("standard", 7500)).toBe(0);
    expect(shippingPrice("express", 100_000)).toBe(1500);
  });
});

describe("the same order again", () => {
  const order = {
    email: "Ada@Example.com",
    shippingMethod: "standard",
    shippingAddress: { name: "Ada", line1: "1 Row", city: "Springfield", postalCode: "62701", country: "US" },
    lines: [
      { variantId: "b", quantity: 1, unitPrice: 500 },
      { variantId: "a", quantity: 2, unitPrice: 1999 },
    ],
  };

  it("is the same whatever the order of lines and address fields, the email's case or empty fields", () => {
    expect(
      sameOrder(order, {
        ...order,
        email: "ada@example.com",
        shippingAddress: {
          country: "US",
          postalCode: "62701",
          city: "Springfield",
          line1: "1 Row",
          name: "Ada",
          line2: "",
        },
        lines: [...order.lines].reverse(),
      }),
    ).toBe(true);
  });

  it("differs when an item, a quantity, a price, the address or the method does", () => {
    const [first, second] = order.lines;
    if (!first || !second) throw new Error("two lines expected");
    expect(sameOrder(order, { ...order, lines: [first] })).toBe(false);
    expect(sameOrder(order, { ...order, lines: [first, { ...second, quantity: 3 }] })).toBe(false);
    expect(sameOrder(order, { ...order, lines: [first, { ...second, unitPrice: 1899 }] })).toBe(false);
    expect(
      sameOrder(order, { ...order, shippingAddress: { ...order.shippingAddress, line1: "2 Row" } }),
    ).toBe(false);
    expect(sameOrder(order, { ...order, shippingMethod: "express" })).toBe(false);
  });
});

describe("capability tokens", () => {
  const secret = Buffer.from("0123456789abcdef0123456789abcdef");
  it("verify what this service signed and nothing else", () => {
    const token = signCart(secret, "cart-1");
    expect(verifyCart(secret, token)).toBe("cart-1");
    expect(verifyCart(secret, token.replace("cart-1", "cart-2"))).toBeNull();
    expect(verifyCart(Buffer.from("another secret, another shop....."), token)).toBeNull();
    expect(verifyCart(secret, "garbage")).toBeNull();
    // A valid token with a part added is not a token this service made.
    expect(verifyCart(secret, `${token}.x`)).toBeNull();
    expect(verifyCart(secret, `${token}.`)).toBeNull();
    expect(verifyOrderToken(secret, "o1", orderToken(secret, "o1"))).toBe(true);
    expect(verifyOrderToken(secret, "o2", orderToken(secret, "o1"))).toBe(false);
  });
});

describe("idempotency request hash", () => {
  it("ignores key order but not values", () => {
    expect(requestHash({ a: 1, b: { c: 2, d: [1, 2] } })).toBe(requestHash({ b: { d: [1, 2], c: 2 }, a: 1 }));
    expect(requestHash({ a: 1 })).not.toBe(requestHash({ a: 2 }));
  });
});

describe("order numbers", () => {
  it("are readable and unambiguous", () => {
    for (let i = 0; i < 100; i++) expect(newOrderNumber()).toMatch(ORDER_NUMBER);
  });
});
