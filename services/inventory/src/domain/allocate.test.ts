import { describe, expect, it } from "vitest";
import { allocate, describeShortages } from "./allocate";

const stock = [
  { locationId: "ber", variantId: "v1", sku: "A", available: 3 },
  { locationId: "nj", variantId: "v1", sku: "A", available: 5 },
  { locationId: "ber", variantId: "v2", sku: "B", available: 1 },
];

describe("allocate", () => {
  it("takes units from the fullest location first and splits only when it must", () => {
    expect(allocate([{ variantId: "v1", sku: "A", quantity: 4 }], stock)).toEqual({
      ok: true,
      allocations: [{ locationId: "nj", variantId: "v1", quantity: 4 }],
    });
    expect(allocate([{ variantId: "v1", sku: "A", quantity: 7 }], stock)).toEqual({
      ok: true,
      allocations: [
        { locationId: "nj", variantId: "v1", quantity: 5 },
        { locationId: "ber", variantId: "v1", quantity: 2 },
      ],
    });
  });

  it("adds up lines for the same variant before checking stock", () => {
    const result = allocate(
      [
        { variantId: "v2", sku: "B", quantity: 1 },
        { variantId: "v2", sku: "B", quantity: 1 },
      ],
      stock,
    );
    expect(result).toEqual({
      ok: false,
      shortages: [{ variantId: "v2", sku: "B", requested: 2, available: 1 }],
    });
  });

  it("refuses the whole order when any line is short", () => {
    const result = allocate(
      [
        { variantId: "v1", sku: "A", quantity: 1 },
        { variantId: "v3", sku: "C", quantity: 1 },
      ],
      stock,
    );
    expect(result.ok).toBe(false);
    if (!result.ok) expect(describeShortages(result.shortages)).toBe("C is out of stock");
  });
});
