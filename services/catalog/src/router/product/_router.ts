import { publicProcedure, router } from "../../trpc";
import { bySlugHandler } from "./bySlug.handler";
import { bySlugInput } from "./bySlug.schema";
import { listHandler } from "./list.handler";
import { listInput } from "./list.schema";
import { variantsInput } from "./variants.schema";

export const productRouter = router({
  list: publicProcedure.input(listInput).query(({ ctx, input }) => listHandler(ctx, input)),
  bySlug: publicProcedure.input(bySlugInput).query(({ ctx, input }) => bySlugHandler(ctx, input)),
  variants: publicProcedure.input(variantsInput).query(({ ctx, input }) => ctx.store.variants(input.ids)),
});
