import { describe, expect, it } from "vitest";
import type { CartView } from "@emporium/orders/client";
import { checkoutBlock, maxQuantity, priceNote, stockNote, toClientCart } from "./client-cart";

const line = {
  variantId: "c3566786-e153-59c7-bc60-b99f58420bcf",
  sku: "HA-00127-SAG-XS",
  title: "Chore Jacket — Sage / XS",
  quantity: 2,
  unitPrice: 23699,
  lineTotal: 47398,
  productSlug: "chore-jacket",
  image: null,
  available: 17,
  currentPrice: null,
};
const view: CartView = {
  token: "a0cb9616-7607-4861-83ae-0bc4741f8dd5.0jSA-6OIZdnxy",
  currency: "USD",
  lines: [line],
  itemCount: 2,
  subtotal: 47398,
  expiresAt: "2026-12-25T08:26:52.960Z",
  degraded: false,
};

describe("toClientCart", () => {
  it("leaves the token out", () => {
    const cart = toClientCart(view);
    expect(Object.keys(cart)).not.toContain("token");
    expect(JSON.stringify(cart)).not.toContain(view.token);
    expect(cart.subtotal).toBe(47398);
  });
});

describe("stockNote", () => {
  it("says nothing when plenty is left or stock is unknown", () => {
    expect(stockNote({ available: 17, quantity: 2 })).toBeNull();
    expect(stockNote({ available: null, quantity: 2 })).toBeNull();
  });

  it("warns when little is left and blocks when too little is", () => {
    expect(stockNote({ available: 3, quantity: 2 })).toEqual({ text: "Only 3 left", blocking: false });
    expect(stockNote({ available: 1, quantity: 2 })).toEqual({
      text: "Only 1 left — lower the quantity to check out",
      blocking: true,
    });
    expect(stockNote({ available: 0, quantity: 1 })?.blocking).toBe(true);
  });
});

describe("priceNote", () => {
  it("explains a price that moved since the line was added", () => {
    expect(priceNote({ unitPrice: 1000, currentPrice: null }, "USD")).toBeNull();
    expect(priceNote({ unitPrice: 1000, currentPrice: 1200 }, "USD")).toBe(
      "Now $12.00 — you keep the $10.00 you added it at",
    );
    expect(priceNote({ unitPrice: 1000, currentPrice: 800 }, "USD")).toContain("dropped");
  });
});

describe("maxQuantity", () => {
  it("is what is left, capped at 99", () => {
    expect(maxQuantity({ available: 4 })).toBe(4);
    expect(maxQuantity({ available: 500 })).toBe(99);
    expect(maxQuantity({ available: null })).toBe(99);
  });
});

describe("checkoutBlock", () => {
  it("lets a cart through only when it has lines that can be bought", () => {
    expect(checkoutBlock(null)).toBe("Your cart is empty");
    expect(checkoutBlock({ ...toClientCart(view), lines: [] })).toBe("Your cart is empty");
    expect(checkoutBlock(toClientCart(view))).toBeNull();
    expect(checkoutBlock({ ...toClientCart(view), lines: [{ ...line, available: 0 }] })).toMatch(
      /no longer available/,
    );
  });
});
