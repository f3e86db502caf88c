// search.*: suggestions while the shopper types (limited per address); the full results are
// product.list with a query.
import { rateKeyOfIp, spendAttempt } from "@emporium/service-kit/limits";
import { SUGGEST_LIMITED } from "../../limits";
import { publicProcedure, router } from "../../trpc";
import { suggestInput } from "./suggest.schema";

export const searchRouter = router({
  suggest: publicProcedure.input(suggestInput).query(async ({ ctx, input }) => {
    await spendAttempt(ctx.limits.suggestPerIp, rateKeyOfIp(ctx.clientIp), SUGGEST_LIMITED);
    return ctx.store.suggest(input.q, input.limit);
  }),
});
