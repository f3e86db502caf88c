import type { inferRouterInputs, inferRouterOutputs } from "@trpc/server";
import { router } from "../trpc";
import { cartRouter } from "./cart/_router";
import { checkoutRouter } from "./checkout/_router";
import { orderRouter } from "./order/_router";

export const ordersRouter = router({
  cart: cartRouter,
  checkout: checkoutRouter,
  order: orderRouter,
});

export type OrdersRouter = typeof ordersRouter;
export type OrdersRouterInputs = inferRouterInputs<OrdersRouter>;
export type OrdersRouterOutputs = inferRouterOutputs<OrdersRouter>;
