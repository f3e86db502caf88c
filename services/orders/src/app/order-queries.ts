// Reading orders: by id with the order's access token, or by order number and email for guests.
import { NotFoundError } from "@emporium/service-kit/errors";
import { orderFieldsOf } from "../domain/order";
import { awaitsPayment, sagaFactsSchema } from "../domain/saga";
import { orderToken, verifyOrderToken } from "../domain/tokens";
import type { OrderReadModel } from "../ports/order-read-model";
import type { OrderView } from "./views";

const NOT_FOUND = "No order matches that number and email";

export async function loadOrderView(orders: OrderReadModel, orderId: string): Promise<OrderView | null> {
  const o = await orders.order(orderId);
  if (!o) return null;
  const facts = sagaFactsSchema.parse(o.saga);
  return {
    ...orderFieldsOf(o),
    createdAt: o.createdAt.toISOString(),
    updatedAt: o.updatedAt.toISOString(),
    awaitingPayment: awaitsPayment(facts) ? (facts.awaitingPayment?.reason ?? null) : null,
    timeline: o.timeline.map((t) => ({
      status: t.status,
      code: t.code,
      message: t.message,
      at: t.createdAt.toISOString(),
    })),
  };
}

export async function getOrder(
  orders: OrderReadModel,
  secret: Buffer,
  orderId: string,
  token: string,
): Promise<OrderView> {
  // One answer for a wrong token and a missing order, so ids cannot be probed.
  if (!verifyOrderToken(secret, orderId, token)) throw new NotFoundError("No such order");
  const view = await loadOrderView(orders, orderId);
  if (!view) throw new NotFoundError("No such order");
  return view;
}

export async function lookupOrder(
  orders: OrderReadModel,
  secret: Buffer,
  number: string,
  email: string,
): Promise<{ orderId: string; accessToken: string }> {
  const order = await orders.orderByNumber(number);
  if (!order || order.email.toLowerCase() !== email.trim().toLowerCase()) throw new NotFoundError(NOT_FOUND);
  return { orderId: order.id, accessToken: orderToken(secret, order.id) };
}
