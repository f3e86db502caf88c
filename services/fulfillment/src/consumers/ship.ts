// fulfillment.ship: a confirmed, paid order becomes a parcel — a carrier by shipping method, a tracking
// number, a packing slip in the object store — announced with fulfillment.shipment-created. The slip is
// stored before the shipment is committed, so a committed shipment always has its slip; a crash in
// between leaves only a slip that the retried command writes again (same key, same content).
// Repeated commands for the same order answer with the shipment that exists.
import { randomInt, randomUUID } from "node:crypto";
import { createEnvelope, readMessage, shipmentCreatedV1, shipOrderV1, TOPICS } from "@emporium/contracts";
import {
  claimMessage,
  enqueue,
  PermanentMessageError,
  type MessageHandler,
  type OutboxMessage,
} from "@emporium/messaging";
import {
  createShipment,
  findShipment,
  trackingNumberTaken,
  type ShipmentRecord,
  type Tx,
} from "../adapters/sql/shipments";
import { carrierFor, UnknownShippingMethodError, type Carrier } from "../domain/carriers";
import { TRACKING_SERIALS, trackingNumber } from "../domain/tracking-number";
import { renderPackingSlip } from "../adapters/pdf/packing-slip";
import type { FulfillmentContext } from "./context";

export function packingSlipKey(orderId: string): string {
  return `packing-slips/${orderId}.pdf`;
}

const METHOD_LABEL = { standard: "Standard", express: "Express" } as const;

/** A tracking number no other shipment has (a clash among ten billion serials is rare; try again). */
async function freshTrackingNumber(tx: Tx, carrier: Carrier): Promise<string> {
  for (let attempt = 0; attempt < 5; attempt++) {
    const candidate = trackingNumber(carrier.prefix, randomInt(0, TRACKING_SERIALS));
    if (!(await trackingNumberTaken(tx, candidate))) return candidate;
  }
  throw new Error(`no free ${carrier.name} tracking number after 5 attempts`);
}

export function shipConsumer(ctx: FulfillmentContext): MessageHandler {
  return async (envelope) => {
    const { data, traceparent } = readMessage(envelope, shipOrderV1);
    const log = ctx.log.child({ orderId: data.orderId, messageId: envelope.id });
    let carrier: Carrier;
    try {
      carrier = carrierFor(data.shippingMethod);
    } catch (err) {
      if (err instanceof UnknownShippingMethodError) throw new PermanentMessageError(err.message);
      throw err;
    }
    const slipKey = packingSlipKey(data.orderId);
    const created = (s: ShipmentRecord): OutboxMessage => ({
      kind: "event",
      topic: TOPICS.fulfillment,
      envelope: createEnvelope(
        shipmentCreatedV1,
        data.orderId,
        {
          orderId: s.orderId,
          shipmentId: s.id,
          carrier: s.carrier,
          trackingNumber: s.trackingNumber,
          packingSlipKey: s.packingSlipKey,
        },
        { traceparent },
      ),
    });

    // A repeat for a shipped order needs no new slip; otherwise the slip goes first.
    if (!(await findShipment(ctx.db.sql, data.orderId))) {
      const pdf = await renderPackingSlip({
        orderNumber: data.number,
        date: ctx.clock(),
        shipTo: data.address,
        carrier: carrier.name,
        shippingMethod: METHOD_LABEL[carrier.method],
        lines: data.lines,
      });
      await ctx.store.put(slipKey, Buffer.from(pdf), "application/pdf");
      log.debug({ key: slipKey, bytes: pdf.length }, "packing slip stored");
    }

    const outcome = await ctx.db.transaction(async (tx) => {
      if (!(await claimMessage(tx, "fulfillment", envelope.id))) return { kind: "duplicate" as const };
      // Serialises commands for the same order, so a concurrent repeat finds the first one's shipment.
      await tx.query("SELECT pg_advisory_xact_lock(hashtext($1))", [data.orderId]);
      const existing = await findShipment(tx, data.orderId);
      if (existing) {
        await enqueue(tx, "fulfillment", [created(existing)]);
        return { kind: "repeat" as const, shipment: existing };
      }
      const now = ctx.clock();
      const shipment = await createShipment(tx, {
        id: randomUUID(),
        orderId: data.orderId,
        orderNumber: data.number,
        carrier: carrier.name,
        trackingNumber: await freshTrackingNumber(tx, carrier),
        packingSlipKey: slipKey,
        address: data.address,
        lines: data.lines.map((l) => ({
          variantId: l.variantId,
          sku: l.sku,
          title: l.title,
          quantity: l.quantity,
        })),
        nextStepAt: new Date(now.getTime() + ctx.stepMs),
      });
      await enqueue(tx, "fulfillment", [created(shipment)]);
      return { kind: "created" as const, shipment };
    });

    ctx.metrics.shipCommands.inc({ outcome: outcome.kind });
    if (outcome.kind === "created")
      log.info(
        {
          shipmentId: outcome.shipment.id,
          carrier: outcome.shipment.carrier,
          trackingNumber: outcome.shipment.trackingNumber,
        },
        "shipment created",
      );
    else log.debug({ outcome: outcome.kind }, "ship command answered with the existing shipment");
  };
}
