// inventory.release: the compensation for a reservation (payment declined, order cancelled). The saga
// sends it only before the order ships, so a committed reservation's units are still here to restock.
import { createEnvelope, readMessage, releaseStockV1, stockReleasedV1, TOPICS } from "@emporium/contracts";
import { claimMessage, enqueue, type MessageHandler } from "@emporium/messaging";
import { closeReservation, findReservation, tombstone } from "../adapters/sql/reservations";
import { lockOrder } from "../adapters/sql/stock";
import type { InventoryContext } from "./context";

export function releaseConsumer(ctx: InventoryContext): MessageHandler {
  return async (envelope) => {
    const { data, traceparent } = readMessage(envelope, releaseStockV1);
    await ctx.db.transaction(async (tx) => {
      if (!(await claimMessage(tx, "inventory", envelope.id))) return;
      await lockOrder(tx, data.orderId);
      const reservation = await findReservation(tx, data.orderId, "lock");
      const released = {
        kind: "event" as const,
        topic: TOPICS.inventory,
        envelope: createEnvelope(
          stockReleasedV1,
          data.orderId,
          { orderId: data.orderId, reason: data.reason },
          { traceparent },
        ),
      };
      if (!reservation) {
        await tombstone(tx, data.orderId, data.reason);
        await enqueue(tx, "inventory", [released]);
        return;
      }
      if (reservation.status !== "ACTIVE" && reservation.status !== "COMMITTED") {
        // Already released or expired: nothing to give back; say so again for the saga.
        await enqueue(tx, "inventory", [released]);
        return;
      }
      const changed = await closeReservation(tx, reservation, "RELEASED", data.reason, traceparent);
      await enqueue(tx, "inventory", [released, ...changed]);
    });
  };
}
