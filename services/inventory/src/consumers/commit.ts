// inventory.commit: a paid order's reserved units are taken out of stock for good.
import {
  commitStockV1,
  createEnvelope,
  readMessage,
  stockCommittedV1,
  stockRejectedV1,
  TOPICS,
} from "@emporium/contracts";
import { claimMessage, enqueue, type MessageHandler } from "@emporium/messaging";
import { findReservation, setReservationStatus } from "../adapters/sql/reservations";
import { lockOrder, moveUnits } from "../adapters/sql/stock";
import type { InventoryContext } from "./context";

export function commitConsumer(ctx: InventoryContext): MessageHandler {
  return async (envelope) => {
    const { data, traceparent } = readMessage(envelope, commitStockV1);
    await ctx.db.transaction(async (tx) => {
      if (!(await claimMessage(tx, "inventory", envelope.id))) return;
      await lockOrder(tx, data.orderId);
      const reservation = await findReservation(tx, data.orderId, "lock");
      const committed = {
        kind: "event" as const,
        topic: TOPICS.inventory,
        envelope: createEnvelope(stockCommittedV1, data.orderId, { orderId: data.orderId }, { traceparent }),
      };
      if (reservation?.status === "COMMITTED") {
        await enqueue(tx, "inventory", [committed]);
        return;
      }
      if (!reservation || reservation.status !== "ACTIVE") {
        // The hold ran out (or was released) before payment came through: the saga must refund.
        const reason =
          reservation?.status === "EXPIRED" ? "reservation expired" : "reservation no longer held";
        await enqueue(tx, "inventory", [
          {
            kind: "event",
            topic: TOPICS.inventory,
            envelope: createEnvelope(
              stockRejectedV1,
              data.orderId,
              { orderId: data.orderId, reason, shortages: [] },
              { traceparent },
            ),
          },
        ]);
        return;
      }
      await moveUnits(tx, "ship", reservation.lines);
      await setReservationStatus(tx, reservation.id, "COMMITTED");
      await enqueue(tx, "inventory", [committed]);
    });
  };
}
