// category.*: the category tree, and one category found by its path with its breadcrumbs.
import { publicProcedure, router } from "../../trpc";
import { findCategoryByPath } from "./byPath";
import { byPathInput } from "./byPath.schema";

export const categoryRouter = router({
  tree: publicProcedure.query(({ ctx }) => ctx.store.categoryTree()),
  byPath: publicProcedure.input(byPathInput).query(({ ctx, input }) => findCategoryByPath(ctx, input)),
});
