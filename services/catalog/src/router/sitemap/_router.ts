import { publicProcedure, router } from "../../trpc";

export const sitemapRouter = router({
  entries: publicProcedure.query(({ ctx }) => ctx.store.sitemap()),
});
