import { describe, expect, it } from "vitest";
import { purchaseOf } from "./purchase";

const options = [
  { id: "colour", name: "Colour", values: [{ id: "navy", value: "Navy" }] },
  { id: "size", name: "Size", values: [{ id: "s", value: "S" }] },
];
const variant = {
  id: "navy-s",
  sku: "N-S",
  title: "Navy / S",
  price: 1000,
  compareAtPrice: null,
  available: 3,
  optionValueIds: ["navy", "s"],
};

describe("purchaseOf", () => {
  it("allows the chosen variant up to what is left", () => {
    expect(purchaseOf(options, { colour: "navy", size: "s" }, variant)).toEqual({
      ok: true,
      variant,
      maxQuantity: 3,
    });
    expect(purchaseOf(options, { colour: "navy", size: "s" }, { ...variant, available: 500 })).toMatchObject({
      maxQuantity: 99,
    });
  });

  it("says which choices are missing", () => {
    expect(purchaseOf(options, { colour: "navy" }, null)).toEqual({ ok: false, reason: "Choose a size" });
    expect(purchaseOf(options, {}, null)).toEqual({ ok: false, reason: "Choose a colour and size" });
  });

  it("refuses sold-out variants and combinations that do not exist", () => {
    expect(purchaseOf(options, { colour: "navy", size: "s" }, { ...variant, available: 0 })).toEqual({
      ok: false,
      reason: "Sold out — choose another option",
    });
    expect(purchaseOf(options, { colour: "navy", size: "s" }, undefined).ok).toBe(false);
  });
});
