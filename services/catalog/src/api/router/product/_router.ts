// product.*: the storefront's listing, one product page by slug, and variants by id (the cart's lines).
import { publicProcedure, router } from "../../trpc";
import { productBySlug } from "./bySlug";
import { bySlugInput } from "./bySlug.schema";
import { listProducts } from "./list";
import { listInput } from "./list.schema";
import { variantsInput } from "./variants.schema";

export const productRouter = router({
  list: publicProcedure.input(listInput).query(({ ctx, input }) => listProducts(ctx, input)),
  bySlug: publicProcedure.input(bySlugInput).query(({ ctx, input }) => productBySlug(ctx, input)),
  variants: publicProcedure.input(variantsInput).query(({ ctx, input }) => ctx.store.variants(input.ids)),
});
