import type { inferRouterInputs, inferRouterOutputs } from "@trpc/server";
import { router } from "../trpc";
import { accountRouter } from "./account/_router";
import { adminRouter } from "./admin/_router";
import { cartRouter } from "./cart/_router";
import { checkoutRouter } from "./checkout/_router";
import { orderRouter } from "./order/_router";

export const ordersRouter = router({
  cart: cartRouter,
  checkout: checkoutRouter,
  order: orderRouter,
  /** The signed-in shopper's own orders, addresses and cart. */
  account: accountRouter,
  /** Staff procedures: each checks the caller's permission itself. */
  admin: adminRouter,
});

export type OrdersRouter = typeof ordersRouter;
export type OrdersRouterInputs = inferRouterInputs<OrdersRouter>;
export type OrdersRouterOutputs = inferRouterOutputs<OrdersRouter>;
