import { describe, expect, it } from "vitest";
import { countOf } from "./count";

describe("countOf", () => {
  it("says one in the singular and every other number in the plural, grouped", () => {
    expect(countOf(1, "product")).toBe("1 product");
    expect(countOf(0, "product")).toBe("0 products");
    expect(countOf(2345, "order")).toBe("2,345 orders");
    expect(countOf(1, "category", "categories")).toBe("1 category");
    expect(countOf(3, "category", "categories")).toBe("3 categories");
  });
});
