import { describe, expect, it } from "vitest";
import { estimatedTotal, shippingCost, shippingLabel, sumMoney } from "./money";

const standard = { id: "standard", name: "Standard", description: "", price: 500, freeFrom: 7500 };
const express = { id: "express", name: "Express", description: "", price: 1500, freeFrom: null };

describe("sumMoney", () => {
  it("adds minor units exactly", () => {
    expect(sumMoney([1999, 1, 23699])).toBe(25699);
    expect(sumMoney([])).toBe(0);
    // 0.1 + 0.2 in dollars would not be exact; cents are.
    expect(sumMoney([10, 20])).toBe(30);
  });

  it("refuses fractions and negative amounts", () => {
    expect(() => sumMoney([10.5])).toThrow(/minor units/);
    expect(() => sumMoney([-1])).toThrow(/minor units/);
  });
});

describe("shipping", () => {
  it("is free from the threshold up", () => {
    expect(shippingCost(standard, 7499)).toBe(500);
    expect(shippingCost(standard, 7500)).toBe(0);
    expect(shippingCost(express, 100_000)).toBe(1500);
  });

  it("says what it costs and when it becomes free", () => {
    expect(shippingLabel(standard, 2000, "USD")).toBe("$5.00 · free from $75.00");
    expect(shippingLabel(standard, 9000, "USD")).toBe("Free");
    expect(shippingLabel(express, 9000, "USD")).toBe("$15.00");
  });

  it("adds to the items for an estimated total", () => {
    expect(estimatedTotal(2000, standard)).toBe(2500);
    expect(estimatedTotal(9000, standard)).toBe(9000);
  });
});
