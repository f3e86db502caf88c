import type { inferRouterInputs, inferRouterOutputs } from "@trpc/server";
import { router } from "../trpc";
import { adminRouter } from "./admin/_router";
import { authRouter } from "./auth/_router";
import { devMailboxRouter } from "./devMailbox/_router";

export const appRouter = router({
  auth: authRouter,
  admin: adminRouter,
  devMailbox: devMailboxRouter,
});

export type AppRouter = typeof appRouter;
export type RouterInputs = inferRouterInputs<AppRouter>;
export type RouterOutputs = inferRouterOutputs<AppRouter>;
export type * from "../../domain/types";
