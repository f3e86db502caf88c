import { describe, expect, it } from "vitest";
import { assembleFacets, type FacetDictionary } from "./facets";

const dict: FacetDictionary = {
  brands: [
    { id: "b1", slug: "northwind", name: "Northwind" },
    { id: "b2", slug: "kestrel", name: "Kestrel" },
    { id: "b3", slug: "oakhaven", name: "Oakhaven" },
  ],
  attributes: [
    {
      id: "a1",
      slug: "colour",
      name: "Colour",
      values: [
        { id: "v1", slug: "black", value: "Black" },
        { id: "v2", slug: "blue", value: "Blue" },
        { id: "v3", slug: "red", value: "Red" },
      ],
    },
    { id: "a2", slug: "fit", name: "Fit", values: [{ id: "v4", slug: "slim", value: "Slim" }] },
  ],
  childCategories: [
    { id: "c1", slug: "tops", name: "Tops", path: "clothing/tops" },
    { id: "c2", slug: "dresses", name: "Dresses", path: "clothing/dresses" },
  ],
};

describe("assembleFacets", () => {
  const facets = assembleFacets(
    {
      brands: new Map([
        ["b1", 3],
        ["b2", 9],
      ]),
      attributeValues: new Map([
        ["v2", 4],
        ["v1", 7],
      ]),
      categories: new Map([["c1", 12]]),
      price: { min: 1500, max: 9900 },
      inStock: 10,
      rating: new Map([
        [4, 2],
        [3, 6],
        [2, 6],
      ]),
    },
    dict,
    { brands: ["oakhaven"], attributes: [{ slug: "colour", values: ["red"] }] },
  );

  it("orders brands by count and keeps a selected brand even with no matches", () => {
    expect(facets.brands.map((b) => [b.slug, b.count, b.selected])).toEqual([
      ["kestrel", 9, false],
      ["northwind", 3, false],
      ["oakhaven", 0, true],
    ]);
  });

  it("keeps attribute values in their own order and drops empty attributes", () => {
    expect(facets.attributes).toEqual([
      {
        slug: "colour",
        name: "Colour",
        values: [
          { slug: "black", label: "Black", count: 7, selected: false },
          { slug: "blue", label: "Blue", count: 4, selected: false },
          { slug: "red", label: "Red", count: 0, selected: true },
        ],
      },
    ]);
  });

  it("lists only sub-categories that have matches", () => {
    expect(facets.categories).toEqual([{ slug: "tops", name: "Tops", path: "clothing/tops", count: 12 }]);
    expect(facets.price).toEqual({ min: 1500, max: 9900 });
    expect(facets.inStock).toBe(10);
  });

  it("offers the star thresholds that match something, highest first", () => {
    expect(facets.rating).toEqual([
      { atLeast: 4, count: 2 },
      { atLeast: 3, count: 6 },
      { atLeast: 2, count: 6 },
    ]);
  });
});
