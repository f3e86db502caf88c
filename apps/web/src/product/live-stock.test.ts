import { describe, expect, it } from "vitest";
import type { ProductDetail } from "@emporium/catalog/client";
import { withStock } from "./live-stock";

const variant = { sku: "S", title: "S", price: 1000, compareAtPrice: null, optionValueIds: [] };
const product: ProductDetail = {
  id: "p1",
  slug: "shirt",
  title: "Shirt",
  description: "A shirt.",
  brand: null,
  currency: "USD",
  minPrice: 1000,
  maxPrice: 1000,
  inStock: true,
  breadcrumbs: [],
  options: [],
  variants: [
    { ...variant, id: "a", available: 2 },
    { ...variant, id: "b", available: 0 },
  ],
  media: [],
  attributes: [],
  createdAt: "2026-01-01T00:00:00.000Z",
  updatedAt: "2026-01-01T00:00:00.000Z",
};

describe("withStock", () => {
  it("lays fresh stock over the cached product", () => {
    const fresh = withStock(product, new Map([["a", 0]]));
    expect(fresh.variants.map((v) => v.available)).toEqual([0, 0]);
    expect(fresh.inStock).toBe(false);
    expect(withStock(product, new Map([["b", 4]])).variants[1]?.available).toBe(4);
  });

  it("keeps the cached figures when there are no fresh ones", () => {
    expect(withStock(product, null)).toBe(product);
  });
});
