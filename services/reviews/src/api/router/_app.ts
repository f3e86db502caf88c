import type { inferRouterInputs, inferRouterOutputs } from "@trpc/server";
import { router } from "../trpc";
import { moderationRouter } from "./moderation/_router";
import { reviewRouter } from "./review/_router";

export const appRouter = router({
  review: reviewRouter,
  moderation: moderationRouter,
});

export type AppRouter = typeof appRouter;
export type RouterInputs = inferRouterInputs<AppRouter>;
export type RouterOutputs = inferRouterOutputs<AppRouter>;
export type * from "../../domain/types";
