// Staff procedures of the orders service. Each names the permission its caller must hold (the matrix
// lives in @emporium/auth); staffProcedure checks it before the input is read.
import { salesSummary } from "../../../app/admin-sales";
import { SHOP_CURRENCY } from "@emporium/contracts";
import { router, staffProcedure } from "../../trpc";
import { adminCustomersRouter } from "./customers/_router";
import { adminOpsRouter } from "./ops/_router";
import { adminOrdersRouter } from "./orders/_router";
import { salesInput } from "./schemas";

export const adminRouter = router({
  dashboard: router({
    /** Sales, orders and average order value per day over a period, and the period before it. */
    sales: staffProcedure("dashboard.read")
      .input(salesInput)
      .query(({ ctx, input }) => salesSummary(ctx.backOffice, { days: input.days, currency: SHOP_CURRENCY })),
  }),
  orders: adminOrdersRouter,
  customers: adminCustomersRouter,
  ops: adminOpsRouter,
});
