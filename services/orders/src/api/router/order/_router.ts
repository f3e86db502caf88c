import { z } from "zod";
import { getOrder, loadOrderView, lookupOrder } from "../../../app/order-queries";
import { asTrpcError } from "@emporium/service-kit";
import { publicProcedure, router } from "../../trpc";
import { accessToken, email, orderId, orderNumber } from "../schemas";

const orderAccess = z.strictObject({ orderId, accessToken });

export const orderRouter = router({
  get: publicProcedure
    .input(orderAccess)
    .query(({ ctx, input }) => getOrder(ctx.orders, ctx.secret, input.orderId, input.accessToken)),
  /** Guest lookup: order number and the email it was placed with. */
  lookup: publicProcedure
    .input(z.strictObject({ number: orderNumber, email }))
    .query(({ ctx, input }) => lookupOrder(ctx.orders, ctx.secret, input.number, input.email)),
  /** The order now, then again after every change, over server-sent events. */
  watch: publicProcedure.input(orderAccess).subscription(async function* ({ ctx, input, signal }) {
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
  }),
});
