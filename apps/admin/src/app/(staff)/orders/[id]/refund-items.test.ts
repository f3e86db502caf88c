import { describe, expect, it } from "vitest";
import { refundItemsOf, refundItemsTotal } from "./refund-items";

function form(fields: Record<string, string>): FormData {
  const data = new FormData();
  for (const [name, value] of Object.entries(fields)) data.set(name, value);
  return data;
}

describe("a refund's items on the order page", () => {
  it("reads the lines with a quantity above 0, and nothing else, from the form", () => {
    expect(
      refundItemsOf(form({ "quantity.a": "1", "quantity.b": "0", "quantity.c": "", amount: "3.00" })),
    ).toEqual({ ok: true, lines: [{ variantId: "a", quantity: 1 }] });
    expect(refundItemsOf(form({ amount: "3.00" }))).toEqual({ ok: true, lines: [] });
  });

  it("refuses a quantity that is not a count, in words for a person", () => {
    for (const bad of ["-1", "1.5", "two"])
      expect(refundItemsOf(form({ "quantity.a": bad }))).toEqual({
        ok: false,
        message: "Enter how many of each item to refund as a whole number, 0 or more",
      });
  });

  it("adds the chosen units up at the prices they were sold for", () => {
    const lines = [
      { variantId: "a", unitPrice: 1500 },
      { variantId: "b", unitPrice: 999 },
    ];
    expect(
      refundItemsTotal(
        lines,
        new Map([
          ["a", 2],
          ["b", 1],
        ]),
      ),
    ).toBe(3999);
    expect(refundItemsTotal(lines, new Map())).toBe(0);
  });
});
