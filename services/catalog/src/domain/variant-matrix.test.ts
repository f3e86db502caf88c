import { describe, expect, it } from "vitest";
import type { ProductOptionView } from "./types";
import { choose, findVariant, initialSelection, valueState } from "./variant-matrix";

const options: ProductOptionView[] = [
  {
    id: "colour",
    name: "Colour",
    values: [
      { id: "navy", value: "Navy" },
      { id: "red", value: "Red" },
    ],
  },
  {
    id: "size",
    name: "Size",
    values: [
      { id: "s", value: "S" },
      { id: "m", value: "M" },
      { id: "l", value: "L" },
    ],
  },
];
const variants = [
  { id: "navy-s", available: 0, optionValueIds: ["navy", "s"] },
  { id: "navy-m", available: 3, optionValueIds: ["navy", "m"] },
  { id: "red-s", available: 0, optionValueIds: ["red", "s"] },
  { id: "red-l", available: 5, optionValueIds: ["red", "l"] },
];

describe("variant matrix", () => {
  it("opens on the first variant in stock", () => {
    expect(initialSelection(options, variants)).toEqual({ colour: "navy", size: "m" });
  });

  it("finds the variant for a full selection and nothing for a partial one", () => {
    expect(findVariant(options, variants, { colour: "red", size: "l" })?.id).toBe("red-l");
    expect(findVariant(options, variants, { colour: "red" })).toBeUndefined();
    expect(findVariant(options, variants, { colour: "red", size: "m" })).toBeUndefined();
  });

  it("tells available, sold-out and impossible values apart", () => {
    const selection = { colour: "navy", size: "m" };
    expect(valueState(variants, selection, "size", "m")).toBe("available");
    expect(valueState(variants, selection, "size", "s")).toBe("sold-out");
    expect(valueState(variants, selection, "size", "l")).toBe("unavailable");
    expect(valueState(variants, selection, "colour", "red")).toBe("unavailable");
    expect(valueState(variants, { size: "s" }, "colour", "red")).toBe("sold-out");
  });

  it("moves the other options to a combination that exists", () => {
    expect(choose(options, variants, { colour: "navy", size: "m" }, "colour", "red")).toEqual({
      colour: "red",
      size: "l",
    });
    expect(choose(options, variants, { colour: "navy", size: "m" }, "size", "s")).toEqual({
      colour: "navy",
      size: "s",
    });
  });
});
