// Walking the category tree: finding a node by path, its breadcrumbs and the ids below it.
import type { CategoryNode, CategoryRef } from "./types";

export interface CategoryLocation {
  node: CategoryNode;
  breadcrumbs: CategoryRef[];
}

export function findCategory(tree: readonly CategoryNode[], path: string): CategoryLocation | null {
  const trail: CategoryRef[] = [];
  let level: readonly CategoryNode[] = tree;
  let prefix = "";
  for (const slug of path.split("/")) {
    prefix = prefix ? `${prefix}/${slug}` : slug;
    const node = level.find((n) => n.path === prefix);
    if (!node) return null;
    trail.push({ slug: node.slug, name: node.name, path: node.path });
    if (node.path === path) return { node, breadcrumbs: trail };
    level = node.children;
  }
  return null;
}

/** The node's id and the ids of every category below it. */
export function subtreeIds(node: CategoryNode): string[] {
  return [node.id, ...node.children.flatMap(subtreeIds)];
}

export function buildTree<T extends Omit<CategoryNode, "children"> & { parentId: string | null }>(
  rows: readonly T[],
): CategoryNode[] {
  const byParent = new Map<string | null, T[]>();
  for (const row of rows) {
    const list = byParent.get(row.parentId) ?? [];
    list.push(row);
    byParent.set(row.parentId, list);
  }
  const build = (parentId: string | null): CategoryNode[] =>
    (byParent.get(parentId) ?? []).map(({ parentId: _parent, ...node }) => ({
      ...node,
      children: build(node.id),
    }));
  return build(null);
}
