// inventory.restock: a refund took units back and staff chose where they go. They go on hand there as
// "returned" adjustments, audited for that staff member, with the catalog's stock figures following —
// all in one transaction with the message's claim, so a redelivered command restocks nothing twice.
// An unknown location fails the delivery (retried, then dead-lettered for the operations console).
import { readMessage, restockStockV1 } from "@emporium/contracts";
import { auditMessage, claimMessage, enqueue, type MessageHandler } from "@emporium/messaging";
import { stockAdjusted } from "../domain/audit-records";
import { locationName, restockUnits } from "../adapters/sql/restock";
import { stockChanged } from "../adapters/sql/reservations";
import type { InventoryContext } from "./context";

export const RESTOCK_NOTE_PREFIX = "refund restock";

export function restockConsumer(ctx: InventoryContext): MessageHandler {
  return async (envelope) => {
    const { data, traceparent } = readMessage(envelope, restockStockV1);
    await ctx.db.transaction(async (tx) => {
      if (!(await claimMessage(tx, "inventory", envelope.id))) return;
      const name = await locationName(tx, data.locationId);
      if (name === null)
        throw new Error(`restock for order ${data.orderNumber}: no location ${data.locationId}`);
      const note = `${RESTOCK_NOTE_PREFIX}, order ${data.orderNumber}`;
      const restocked = await restockUnits(tx, data.locationId, data.lines, {
        actorId: data.actor.userId,
        actorEmail: data.actor.email,
        note,
      });
      const scope = { service: "inventory", actor: data.actor, requestId: envelope.id, traceparent };
      await enqueue(tx, "inventory", [
        ...(await stockChanged(
          tx,
          restocked.map((r) => r.variantId),
          traceparent,
        )),
        ...restocked.map((r) =>
          auditMessage(
            scope,
            stockAdjusted(
              { variantId: r.variantId, sku: r.sku, locationId: data.locationId, locationName: name },
              r.before,
              r.after,
              { reason: "returned", note },
            ),
          ),
        ),
      ]);
      ctx.log.info(
        { orderId: data.orderId, locationId: data.locationId, units: data.lines.length },
        "refunded units restocked",
      );
    });
  };
}
