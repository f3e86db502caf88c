import { describe, expect, it } from "vitest";
import type { Suggestions } from "@emporium/catalog/client";
import { flattenGroups, moveActive, suggestionGroups } from "./suggestion-options";

const suggestions: Suggestions = {
  query: "lnen shrt",
  correctedQuery: "linen shirt",
  products: [
    {
      slug: "studio-linen-shirt",
      title: "Studio Linen Shirt",
      image: { url: "/media/a.webp", alt: "Studio Linen Shirt in White", width: 480, height: 600 },
      minPrice: 8000,
      currency: "USD",
      brand: { slug: "fjord-supply", name: "Fjord Supply" },
    },
  ],
  categories: [{ slug: "shirts", name: "Shirts", path: "clothing/tops/shirts" }],
  brands: [{ slug: "linnea", name: "Linnea" }],
};

describe("suggestionGroups", () => {
  it("groups products, categories, brands and a full search, in that order", () => {
    const groups = suggestionGroups(suggestions, "lnen shrt ");
    expect(groups.map((g) => g.label)).toEqual(["Products", "Categories", "Brands", "All results"]);
    const options = flattenGroups(groups);
    expect(options.map((o) => [o.label, o.href])).toEqual([
      ["Studio Linen Shirt", "/p/studio-linen-shirt"],
      ["Shirts", "/c/clothing/tops/shirts"],
      ["Linnea", "/search?brand=linnea"],
      ["Search for “lnen shrt”", "/search?q=lnen%20shrt"],
    ]);
    expect(options[0]?.detail).toBe("Fjord Supply");
    expect(options[1]?.detail).toBe("Clothing › Tops");
  });

  it("leaves out empty groups", () => {
    const groups = suggestionGroups({ ...suggestions, products: [], brands: [] }, "shirt");
    expect(groups.map((g) => g.label)).toEqual(["Categories", "All results"]);
  });
});

describe("moveActive", () => {
  it("walks the options and wraps around", () => {
    expect(moveActive(-1, 3, "ArrowDown")).toBe(0);
    expect(moveActive(2, 3, "ArrowDown")).toBe(0);
    expect(moveActive(-1, 3, "ArrowUp")).toBe(2);
    expect(moveActive(0, 3, "ArrowUp")).toBe(2);
    expect(moveActive(0, 0, "ArrowDown")).toBe(-1);
  });
});
