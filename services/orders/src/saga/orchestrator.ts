// The saga orchestrator: for each event about an order, one transaction locks the order, asks the pure
// saga what follows, stores the new facts and status with timeline entries, and writes the resulting
// commands and the status-change event to the outbox. The event's id is claimed in the same
// transaction, so a redelivered event changes nothing.
import { randomUUID } from "node:crypto";
import type { Address, Envelope } from "@emporium/contracts";
import type { Database } from "@emporium/db";
import { claimMessage, enqueue, type MessageHandler } from "@emporium/messaging";
import type { Logger } from "@emporium/observability";
import type { Counter } from "prom-client";
import { react, sagaFactsSchema } from "../domain/saga";
import { commandMessage, statusChangedMessage } from "../app/outbox-messages";
import { readSagaEvent } from "./read-event";

export interface OrchestratorDeps {
  db: Database;
  log: Logger;
  reservationTtlMs: number;
  transitions: Counter<"to">;
  now?: () => Date;
}

export function sagaHandler(d: OrchestratorDeps): MessageHandler {
  return async (envelope: Envelope) => {
    const read = readSagaEvent(envelope);
    if (!read) return;
    const now = d.now?.() ?? new Date();
    const result = await d.db.prisma.$transaction(
      async (tx) => {
        if (!(await claimMessage(tx, "orders", envelope.id))) return null;
        await tx.$queryRaw`SELECT id FROM orders.orders WHERE id = ${read.orderId}::uuid FOR UPDATE`;
        const order = await tx.order.findUnique({
          where: { id: read.orderId },
          include: { lines: { orderBy: { sku: "asc" } } },
        });
        if (!order) {
          d.log.warn({ orderId: read.orderId, type: envelope.type }, "event for an unknown order ignored");
          return null;
        }
        const decision = react(
          { facts: sagaFactsSchema.parse(order.saga), cancelReason: order.cancelReason, total: order.total },
          read.event,
          now,
        );
        const forCommands = {
          id: order.id,
          number: order.number,
          email: order.email,
          currency: order.currency,
          total: order.total,
          shippingMethod: order.shippingMethod,
          shippingAddress: order.shippingAddress as Address,
          paymentToken: order.paymentToken,
          lines: order.lines.map((l) => ({
            variantId: l.variantId,
            sku: l.sku,
            title: l.title,
            quantity: l.quantity,
            unitPrice: l.unitPrice,
          })),
          reservationExpiresAt: new Date(now.getTime() + d.reservationTtlMs),
        };
        const messages = decision.commands.map((c) => commandMessage(forCommands, c, envelope.traceparent));
        if (decision.status !== order.status)
          messages.push(
            statusChangedMessage(
              order,
              order.status,
              decision.status,
              decision.cancelReason,
              envelope.traceparent,
            ),
          );
        await tx.order.update({
          where: { id: order.id },
          data: {
            status: decision.status,
            saga: decision.facts,
            cancelReason: decision.cancelReason,
            // The payment token is needed only until the authorisation has been asked for.
            ...(decision.facts.authorizeRequestedAt &&
            !decision.commands.some((c) => c.type === "payment.authorize")
              ? { paymentToken: null }
              : {}),
            ...(decision.shipment
              ? { carrier: decision.shipment.carrier, trackingNumber: decision.shipment.trackingNumber }
              : {}),
          },
        });
        if (decision.notes.length > 0)
          await tx.orderTimelineEntry.createMany({
            data: decision.notes.map((n) => ({
              id: randomUUID(),
              orderId: order.id,
              status: decision.status,
              code: n.code,
              message: n.message,
            })),
          });
        await enqueue(tx, "orders", messages);
        return { from: order.status, to: decision.status };
      },
      { timeout: 30_000, maxWait: 30_000 },
    );
    if (result && result.from !== result.to) d.transitions.inc({ to: result.to });
  };
}
