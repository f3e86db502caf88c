// admin.orders.*: the staff's order list and order page, and the two staff actions.
import { getAdminOrder } from "../../../../app/admin-orders";
import { router, staffProcedure } from "../../../trpc";
import { cancelInput, orderIdInput, orderListInput, refundInput } from "../schemas";
import { cancel } from "./cancel";
import { listOrders } from "./list";
import { refund } from "./refund";

export const adminOrdersRouter = router({
  list: staffProcedure("orders.read")
    .input(orderListInput)
    .query(({ ctx, input }) => listOrders(ctx, input)),
  get: staffProcedure("orders.read")
    .input(orderIdInput)
    .query(({ ctx, input }) => getAdminOrder(ctx.orders, input.orderId)),
  cancel: staffProcedure("orders.cancel")
    .input(cancelInput)
    .mutation(({ ctx, input }) => cancel(ctx, input)),
  refund: staffProcedure("orders.refund")
    .input(refundInput)
    .mutation(({ ctx, input }) => refund(ctx, input)),
});
