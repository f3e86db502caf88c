// Catalog figures for the dashboard, computed from the category tree.
import type { CategoryNode } from "@emporium/catalog/client";

export interface CatalogFigures {
  departments: number;
  categories: number;
  /** Categories without sub-categories, where products are filed. */
  leafCategories: number;
  products: number;
  /** Leaf categories with no products: gaps in the range. */
  emptyLeaves: string[];
}

function walk(nodes: CategoryNode[]): CategoryNode[] {
  return nodes.flatMap((n) => [n, ...walk(n.children)]);
}

export function catalogFigures(tree: CategoryNode[]): CatalogFigures {
  const all = walk(tree);
  const leaves = all.filter((n) => n.children.length === 0);
  return {
    departments: tree.length,
    categories: all.length,
    leafCategories: leaves.length,
    // Each department counts the distinct products below it, so departments add up to the catalog.
    products: tree.reduce((sum, n) => sum + n.productCount, 0),
    emptyLeaves: leaves.filter((n) => n.productCount === 0).map((n) => n.path),
  };
}
