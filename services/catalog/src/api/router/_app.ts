// The catalog's whole tRPC router, one area per key; its type (and the types its answers use) is what
// @emporium/catalog/client gives callers.
import type { inferRouterInputs, inferRouterOutputs } from "@trpc/server";
import { router } from "../trpc";
import { adminRouter } from "./admin/_router";
import { categoryRouter } from "./category/_router";
import { homeRouter } from "./home/_router";
import { productRouter } from "./product/_router";
import { searchRouter } from "./search/_router";
import { sitemapRouter } from "./sitemap/_router";

export const appRouter = router({
  category: categoryRouter,
  product: productRouter,
  search: searchRouter,
  home: homeRouter,
  sitemap: sitemapRouter,
  admin: adminRouter,
});

export type AppRouter = typeof appRouter;
export type RouterInputs = inferRouterInputs<AppRouter>;
export type RouterOutputs = inferRouterOutputs<AppRouter>;
export type * from "../../domain/types";
export type * from "../../domain/admin-types";
