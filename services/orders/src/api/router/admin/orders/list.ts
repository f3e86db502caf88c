// admin.orders.list: orders newest first, filtered by status, search and period, and paged.
import type { AdminOrderPage } from "../../../../ports/back-office-read-model";
import type { OrdersContext } from "../../../trpc";
import type { OrderListInput } from "../schemas";

/** `to` as a day includes that whole day. */
function until(to: string | undefined): Date | undefined {
  if (!to) return undefined;
  return to.length === 10 ? new Date(Date.parse(`${to}T00:00:00Z`) + 86_400_000) : new Date(to);
}

export function listOrders(ctx: OrdersContext, input: OrderListInput): Promise<AdminOrderPage> {
  return ctx.backOffice.orders({
    status: input.status,
    q: input.q,
    from: input.from ? new Date(input.from) : undefined,
    to: until(input.to),
    page: input.page,
    limit: input.limit,
  });
}
