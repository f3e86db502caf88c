import { publicProcedure, router } from "../../trpc";
import { byPathHandler } from "./byPath.handler";
import { byPathInput } from "./byPath.schema";

export const categoryRouter = router({
  tree: publicProcedure.query(({ ctx }) => ctx.store.categoryTree()),
  byPath: publicProcedure.input(byPathInput).query(({ ctx, input }) => byPathHandler(ctx, input)),
});
