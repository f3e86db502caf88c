// checkout.placeOrder: the caller's cart becomes an order, once per idempotency key (from the input or
// the Idempotency-Key header). A signed-in shopper's order goes to their account; a guest's to nobody.
import { TRPCError } from "@trpc/server";
import { placeOrder } from "../../../app/place-order";
import type { PlacedOrder } from "../../../app/views";
import type { OrdersContext } from "../../trpc";
import { idempotencyKey } from "../schemas";
import type { PlaceOrderRequest } from "./placeOrder.schema";

async function signedInCustomer(ctx: OrdersContext): Promise<string | null> {
  const caller = await ctx.principal();
  return caller.kind === "anonymous" ? null : caller.userId;
}

export async function checkOut(ctx: OrdersContext, input: PlaceOrderRequest): Promise<PlacedOrder> {
  const key = input.idempotencyKey ?? ctx.idempotencyKey;
  const parsedKey = idempotencyKey.safeParse(key);
  if (!parsedKey.success)
    throw new TRPCError({
      code: "BAD_REQUEST",
      message: "idempotencyKey: send an Idempotency-Key of 16–128 letters, digits, - or _",
    });
  const placed = await placeOrder(
    {
      checkout: ctx.checkout,
      secret: ctx.secret,
      log: ctx.log,
      paymentsAvailable: () => ctx.payments.isAvailable(),
      reservationTtlMs: ctx.reservationTtlMs,
      limits: ctx.limits,
    },
    {
      cartToken: input.cartToken,
      email: input.email,
      shippingAddress: input.shippingAddress,
      shippingMethod: input.shippingMethod,
      paymentToken: input.paymentToken,
      idempotencyKey: parsedKey.data,
      traceparent: ctx.traceparent,
      customerId: await signedInCustomer(ctx),
      clientIp: ctx.clientIp,
      holdOnDecline: input.holdOnDecline ?? false,
    },
  );
  if (!placed.replayed && !placed.resumed) ctx.orderMetrics.placed();
  return placed;
}
