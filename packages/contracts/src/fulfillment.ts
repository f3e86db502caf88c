// Commands the fulfillment worker accepts and facts it publishes on the `fulfillment` topic.
import { z } from "zod";
import { defineMessage } from "./envelope";
import { address, id, orderLine } from "./shared";

export const shipOrderV1 = defineMessage(
  "fulfillment.ship.v1",
  z.object({
    orderId: id,
    number: z.string(),
    email: z.email(),
    shippingMethod: z.string(),
    address,
    lines: z.array(orderLine).min(1),
  }),
);

export const shipmentStatus = z.enum(["LABEL_CREATED", "IN_TRANSIT", "OUT_FOR_DELIVERY", "DELIVERED"]);

export const shipmentCreatedV1 = defineMessage(
  "fulfillment.shipment-created.v1",
  z.object({
    orderId: id,
    shipmentId: id,
    carrier: z.string(),
    trackingNumber: z.string(),
    packingSlipKey: z.string(),
  }),
);
export const orderShippedV1 = defineMessage(
  "fulfillment.shipped.v1",
  z.object({ orderId: id, shipmentId: id, carrier: z.string(), trackingNumber: z.string() }),
);
export const shipmentProgressedV1 = defineMessage(
  "fulfillment.progressed.v1",
  z.object({ orderId: id, shipmentId: id, status: shipmentStatus }),
);
export const orderDeliveredV1 = defineMessage(
  "fulfillment.delivered.v1",
  z.object({ orderId: id, shipmentId: id }),
);
