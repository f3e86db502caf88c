// category.byPath: the category at a storefront path (e.g. women/tops) and the way to it, or NOT_FOUND.
import { findCategory } from "../../../domain/category-tree";
import { NotFoundError } from "@emporium/service-kit/errors";
import type { CategoryNode, CategoryRef } from "../../../domain/types";
import type { Context } from "../../trpc";
import type { ByPathInput } from "./byPath.schema";

export async function findCategoryByPath(
  ctx: Context,
  input: ByPathInput,
): Promise<{ category: CategoryNode; breadcrumbs: CategoryRef[] }> {
  const found = findCategory(await ctx.store.categoryTree(), input.path);
  if (!found) throw new NotFoundError(`No category at "${input.path}"`);
  return { category: found.node, breadcrumbs: found.breadcrumbs };
}
