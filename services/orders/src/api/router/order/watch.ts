// order.watch: the order now, then again after every change, over server-sent events. The live feed
// only says "this order may have changed"; each wake-up reads the order again, and changes that arrive
// while a read is under way are coalesced into one more read.
import { asTrpcError } from "@emporium/service-kit";
import { getOrder, loadOrderView } from "../../../app/order-queries";
import type { OrderView } from "../../../app/views";
import type { OrdersContext } from "../../trpc";

export async function* watchOrder(
  ctx: OrdersContext,
  input: { orderId: string; accessToken: string },
  signal: AbortSignal | undefined,
): AsyncGenerator<OrderView> {
  // Generators run after the error-mapping middleware has returned, so map here.
  const first = await getOrder(ctx.orders, ctx.secret, input.orderId, input.accessToken).catch(
    (err: unknown) => {
      throw asTrpcError(err);
    },
  );
  yield first;
  let pending = false;
  let wake: (() => void) | null = null;
  const unsubscribe = ctx.changes.subscribe(input.orderId, () => {
    pending = true;
    wake?.();
  });
  const aborted = new Promise<void>((resolve) =>
    signal?.addEventListener("abort", () => resolve(), { once: true }),
  );
  try {
    while (!signal?.aborted) {
      if (!pending) await Promise.race([new Promise<void>((resolve) => (wake = resolve)), aborted]);
      wake = null;
      if (signal?.aborted) break;
      pending = false;
      const view = await loadOrderView(ctx.orders, input.orderId);
      if (view) yield view;
    }
  } finally {
    unsubscribe();
  }
}
