// Commands the inventory worker accepts and facts it publishes on the `inventory` topic.
import { z } from "zod";
import { auditActor } from "./audit";
import { defineMessage } from "./envelope";
import { id } from "./shared";

const reserveLine = z.object({ variantId: id, sku: z.string(), quantity: z.number().int().min(1).max(1000) });

export const reserveStockV1 = defineMessage(
  "inventory.reserve.v1",
  z.object({ orderId: id, lines: z.array(reserveLine).min(1).max(100), expiresAt: z.iso.datetime() }),
);
export const releaseStockV1 = defineMessage(
  "inventory.release.v1",
  z.object({ orderId: id, reason: z.string().max(200) }),
);
export const commitStockV1 = defineMessage("inventory.commit.v1", z.object({ orderId: id }));
/**
 * A refund took these units back: they go on hand at `locationId` as a "returned" adjustment, recorded
 * for the staff member who refunded (the adjustment history and the audit log name them).
 */
export const restockStockV1 = defineMessage(
  "inventory.restock.v1",
  z.object({
    orderId: id,
    orderNumber: z.string().max(40),
    locationId: id,
    lines: z.array(reserveLine).min(1).max(100),
    actor: auditActor,
  }),
);

export const stockReservedV1 = defineMessage(
  "inventory.reserved.v1",
  z.object({ orderId: id, reservationId: id, expiresAt: z.iso.datetime() }),
);
export const stockRejectedV1 = defineMessage(
  "inventory.rejected.v1",
  z.object({
    orderId: id,
    reason: z.string(),
    shortages: z.array(
      z.object({ variantId: id, sku: z.string(), requested: z.number().int(), available: z.number().int() }),
    ),
  }),
);
export const stockReleasedV1 = defineMessage(
  "inventory.released.v1",
  z.object({ orderId: id, reason: z.string() }),
);
export const stockCommittedV1 = defineMessage("inventory.committed.v1", z.object({ orderId: id }));
/** Read-model feed for the catalog: total units a variant can still promise. */
export const stockChangedV1 = defineMessage(
  "inventory.stock-changed.v1",
  z.object({ variantId: id, sku: z.string(), available: z.number().int().min(0) }),
);
