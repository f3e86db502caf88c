import { describe, expect, it } from "vitest";
import type { CategoryNode } from "@emporium/catalog/client";
import { catalogFigures } from "./figures";

function node(path: string, productCount: number, children: CategoryNode[] = []): CategoryNode {
  const slug = path.split("/").at(-1) ?? path;
  return {
    id: path,
    slug,
    name: slug,
    path,
    depth: path.split("/").length - 1,
    featured: false,
    description: null,
    productCount,
    children,
  };
}

describe("catalogFigures", () => {
  it("counts departments, categories, leaves and products", () => {
    const tree = [
      node("clothing", 30, [node("clothing/tops", 20), node("clothing/bottoms", 10)]),
      node("home", 5, [node("home/mugs", 5), node("home/bedding", 0)]),
    ];
    expect(catalogFigures(tree)).toEqual({
      departments: 2,
      categories: 6,
      leafCategories: 4,
      products: 35,
      emptyLeaves: ["home/bedding"],
    });
  });

  it("handles an empty catalog", () => {
    expect(catalogFigures([])).toMatchObject({ departments: 0, categories: 0, products: 0 });
  });
});
