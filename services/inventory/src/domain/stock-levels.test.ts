import { describe, expect, it } from "vitest";
import { planLevels, type LevelCell } from "./stock-levels";

function cell(onHand: number, current = { onHand: 0, reserved: 0, available: 0 }, n = 0): LevelCell {
  return {
    field: `variants.${n}.locations.0.onHand`,
    variantId: `v${n}`,
    sku: `TEE-${n}`,
    locationId: "l0",
    locationName: "Berlin",
    onHand,
    current,
  };
}

describe("planLevels", () => {
  it("plans a change for each cell whose count differs and skips the others", () => {
    const plan = planLevels([
      cell(5),
      cell(3, { onHand: 3, reserved: 1, available: 2 }, 1),
      cell(0, undefined, 2),
    ]);
    expect(plan).toEqual({
      ok: true,
      changes: [{ variantId: "v0", locationId: "l0", delta: 5, onHandAfter: 5 }],
    });
  });

  it("refuses the first bad cell by its field, SKU and location", () => {
    expect(planLevels([cell(4), cell(-1, undefined, 1)])).toEqual({
      ok: false,
      field: "variants.1.locations.0.onHand",
      detail: "TEE-1 at Berlin: must not be negative",
    });
    expect(planLevels([cell(2.5)])).toMatchObject({
      ok: false,
      detail: "TEE-0 at Berlin: enter a whole number of units",
    });
    expect(planLevels([cell(1, { onHand: 4, reserved: 3, available: 1 })])).toMatchObject({
      ok: false,
      detail: "TEE-0 at Berlin: cannot be below the 3 units reserved for orders",
    });
  });
});
