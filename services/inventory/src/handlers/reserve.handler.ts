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
import { findReservation, stockChanged } from "../adapters/reservations";
import { lockStock, reserveUnits } from "../adapters/stock-sql";
import { allocate, describeShortages } from "../domain/allocate";
import { TX_OPTIONS, type InventoryContext } from "./context";

export function reserveHandler(ctx: InventoryContext): MessageHandler {
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

    const outcome = await ctx.db.prisma.$transaction(async (tx) => {
      if (!(await claimMessage(tx, "inventory", envelope.id))) return "duplicate";
      // Serialises commands for the same order and answers a repeated one with the first answer.
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${data.orderId}))`;
      const existing = await findReservation(tx, data.orderId);
      if (existing) {
        const answer =
          existing.status === "ACTIVE" || existing.status === "COMMITTED"
            ? reserved(existing.id, existing.expiresAt)
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
      for (const a of result.allocations) await reserveUnits(tx, a);
      const reservationId = randomUUID();
      const expiresAt = new Date(data.expiresAt);
      await tx.reservation.create({
        data: {
          id: reservationId,
          orderId: data.orderId,
          status: "ACTIVE",
          expiresAt,
          lines: { create: result.allocations.map((a) => ({ id: randomUUID(), ...a })) },
        },
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
    }, TX_OPTIONS);
    ctx.reservations.inc({ outcome });
    ctx.log.debug({ orderId: data.orderId, outcome }, "reserve handled");
  };
}
