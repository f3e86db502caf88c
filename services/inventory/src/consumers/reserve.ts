// inventory.reserve: all of an order's lines or none, under row locks, never below zero.
import { randomUUID } from "node:crypto";
import {
  createEnvelope,
  readMessage,
  reserveStockV1,
  stockRejectedV1,
  stockReservedV1,
  TOPICS,
  type Envelope,
} from "@emporium/contracts";
import { claimMessage, enqueue, type MessageHandler, type OutboxMessage } from "@emporium/messaging";
import { createReservation, findReservation, stockChanged } from "../adapters/sql/reservations";
import { lockOrder, lockStock, reserveUnits } from "../adapters/sql/stock";
import { allocate, describeShortages } from "../domain/allocate";
import type { InventoryContext } from "./context";

export function reserveConsumer(ctx: InventoryContext): MessageHandler {
  return async (envelope: Envelope) => {
    const { data, traceparent } = readMessage(envelope, reserveStockV1);
    const reserved = (reservationId: string, expiresAt: Date): OutboxMessage => ({
      kind: "event",
      topic: TOPICS.inventory,
      envelope: createEnvelope(
        stockReservedV1,
        data.orderId,
        { orderId: data.orderId, reservationId, expiresAt: expiresAt.toISOString() },
        { traceparent },
      ),
    });
    const rejected = (
      reason: string,
      shortages: { variantId: string; sku: string; requested: number; available: number }[],
    ): OutboxMessage => ({
      kind: "event",
      topic: TOPICS.inventory,
      envelope: createEnvelope(
        stockRejectedV1,
        data.orderId,
        { orderId: data.orderId, reason, shortages },
        { traceparent },
      ),
    });

    const outcome = await ctx.db.transaction(async (tx) => {
      if (!(await claimMessage(tx, "inventory", envelope.id))) return "duplicate";
      // Serialises commands for the same order and answers a repeated one with the first answer.
      await lockOrder(tx, data.orderId);
      const existing = await findReservation(tx, data.orderId);
      if (existing) {
        const answer =
          existing.status === "ACTIVE" || existing.status === "COMMITTED"
            ? reserved(existing.id, new Date(existing.expiresAt))
            : rejected(existing.status === "EXPIRED" ? "reservation expired" : "order was cancelled", []);
        await enqueue(tx, "inventory", [answer]);
        return "repeat";
      }
      const rows = await lockStock(tx, [...new Set(data.lines.map((l) => l.variantId))].sort());
      const result = allocate(data.lines, rows);
      if (!result.ok) {
        await enqueue(tx, "inventory", [rejected(describeShortages(result.shortages), result.shortages)]);
        return "rejected";
      }
      await reserveUnits(tx, result.allocations);
      const reservationId = randomUUID();
      const expiresAt = new Date(data.expiresAt);
      await createReservation(tx, {
        id: reservationId,
        orderId: data.orderId,
        expiresAt,
        allocations: result.allocations,
      });
      await enqueue(tx, "inventory", [
        reserved(reservationId, expiresAt),
        ...(await stockChanged(
          tx,
          result.allocations.map((a) => a.variantId),
          traceparent,
        )),
      ]);
      return "reserved";
    });
    ctx.reservations.inc({ outcome });
    ctx.log.debug({ orderId: data.orderId, outcome }, "reserve handled");
  };
}
