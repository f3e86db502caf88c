import { describe, expect, it } from "vitest";
import { buildTree, findCategory, subtreeIds } from "./category-tree";

const row = (id: string, path: string, parentId: string | null) => ({
  id,
  slug: path.split("/").pop() ?? path,
  name: id.toUpperCase(),
  path,
  depth: path.split("/").length - 1,
  featured: false,
  description: null,
  productCount: 0,
  parentId,
});

const tree = buildTree([
  row("c", "clothing", null),
  row("t", "clothing/tops", "c"),
  row("ts", "clothing/tops/t-shirts", "t"),
  row("d", "clothing/dresses", "c"),
  row("h", "home", null),
]);

describe("category tree", () => {
  it("nests rows under their parents in order", () => {
    expect(tree.map((n) => n.path)).toEqual(["clothing", "home"]);
    expect(tree[0]?.children.map((n) => n.path)).toEqual(["clothing/tops", "clothing/dresses"]);
  });

  it("finds a node with its breadcrumbs", () => {
    const found = findCategory(tree, "clothing/tops/t-shirts");
    expect(found?.node.id).toBe("ts");
    expect(found?.breadcrumbs.map((b) => b.path)).toEqual([
      "clothing",
      "clothing/tops",
      "clothing/tops/t-shirts",
    ]);
    expect(findCategory(tree, "clothing/shoes")).toBeNull();
    expect(findCategory(tree, "tops")).toBeNull();
  });

  it("collects the ids of a subtree", () => {
    const clothing = tree[0];
    expect(clothing && subtreeIds(clothing).sort()).toEqual(["c", "d", "t", "ts"]);
  });
});
