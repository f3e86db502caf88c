// admin.customers.get: one customer (by the email they ordered with) with their latest orders.
import { NotFoundError } from "@emporium/service-kit/errors";
import type { CustomerDetail } from "../../../../ports/back-office-read-model";
import type { OrdersContext } from "../../../trpc";

export async function getCustomer(ctx: OrdersContext, input: { email: string }): Promise<CustomerDetail> {
  const customer = await ctx.backOffice.customer(input.email);
  if (!customer) throw new NotFoundError("No customer has ordered with that email");
  return customer;
}
