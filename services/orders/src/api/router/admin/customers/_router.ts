// admin.customers.*: everyone who placed an order, one per email address, and one customer's page.
import { router, staffProcedure } from "../../../trpc";
import { customerInput, customerListInput } from "../schemas";
import { getCustomer } from "./get";

export const adminCustomersRouter = router({
  list: staffProcedure("customers.read")
    .input(customerListInput)
    .query(({ ctx, input }) => ctx.backOffice.customers(input)),
  get: staffProcedure("customers.read")
    .input(customerInput)
    .query(({ ctx, input }) => getCustomer(ctx, input)),
});
