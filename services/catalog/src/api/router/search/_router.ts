// search.*: suggestions while the shopper types; the full results are product.list with a query.
import { publicProcedure, router } from "../../trpc";
import { suggestInput } from "./suggest.schema";

export const searchRouter = router({
  suggest: publicProcedure
    .input(suggestInput)
    .query(({ ctx, input }) => ctx.store.suggest(input.q, input.limit)),
});
