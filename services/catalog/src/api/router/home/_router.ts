// home.*: what the storefront's front page shows, in one query.
import { publicProcedure, router } from "../../trpc";

export const homeRouter = router({
  get: publicProcedure.query(({ ctx }) => ctx.store.home()),
});
