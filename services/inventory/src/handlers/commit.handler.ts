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
import { findReservation, lockReservation } from "../adapters/reservations";
import { shipUnits } from "../adapters/stock-sql";
import { TX_OPTIONS, type InventoryContext } from "./context";

export function commitHandler(ctx: InventoryContext): MessageHandler {
  return async (envelope) => {
    const { data, traceparent } = readMessage(envelope, commitStockV1);
    await ctx.db.prisma.$transaction(async (tx) => {
      if (!(await claimMessage(tx, "inventory", envelope.id))) return;
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${data.orderId}))`;
      await lockReservation(tx, data.orderId);
      const reservation = await findReservation(tx, data.orderId);
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
      for (const line of reservation.lines) await shipUnits(tx, line);
      await tx.reservation.update({ where: { id: reservation.id }, data: { status: "COMMITTED" } });
      await enqueue(tx, "inventory", [committed]);
    }, TX_OPTIONS);
  };
}
