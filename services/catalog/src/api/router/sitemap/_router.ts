// sitemap.*: the storefront paths with their last change, for the storefront's sitemap.xml.
import { publicProcedure, router } from "../../trpc";

export const sitemapRouter = router({
  entries: publicProcedure.query(({ ctx }) => ctx.store.sitemap()),
});
