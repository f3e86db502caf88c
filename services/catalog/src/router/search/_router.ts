import { publicProcedure, router } from "../../trpc";
import { suggestInput } from "./suggest.schema";

export const searchRouter = router({
  suggest: publicProcedure
    .input(suggestInput)
    .query(({ ctx, input }) => ctx.store.suggest(input.q, input.limit)),
});
