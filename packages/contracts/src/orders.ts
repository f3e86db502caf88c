// Facts the orders service publishes on the `orders` topic.
import { z } from "zod";
import { defineMessage } from "./envelope";
import { address, currency, id, money, orderLine } from "./shared";

export const orderPlacedV1 = defineMessage(
  "order.placed.v1",
  z.object({
    orderId: id,
    number: z.string(),
    email: z.email(),
    customerId: id.nullable(),
    currency,
    lines: z.array(orderLine).min(1),
    subtotal: money,
    shippingTotal: money,
    total: money,
    shippingMethod: z.string(),
    shippingAddress: address,
  }),
);

export const orderStatus = z.enum(["PENDING", "CONFIRMED", "SHIPPED", "DELIVERED", "CANCELLED"]);
export type OrderStatusName = z.infer<typeof orderStatus>;

export const orderStatusChangedV1 = defineMessage(
  "order.status-changed.v1",
  z.object({
    orderId: id,
    number: z.string(),
    from: orderStatus,
    to: orderStatus,
    reason: z.string().max(500).nullable(),
  }),
);
