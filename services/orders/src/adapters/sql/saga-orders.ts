// The saga's reads and writes of an order in raw SQL on one transaction's session: a step costs a
// handful of round trips instead of an interactive Prisma transaction's dozen (and its query engine).
import type { Address, OrderStatusName } from "@emporium/contracts";
import type { SqlSession } from "@emporium/db";

export interface SagaOrder {
  id: string;
  number: string;
  email: string;
  status: OrderStatusName;
  cancelReason: string | null;
  currency: string;
  total: number;
  shippingMethod: string;
  shippingAddress: Address;
  paymentToken: string | null;
  /** The saga's facts as stored (validated by the caller). */
  saga: unknown;
  lines: { variantId: string; sku: string; title: string; quantity: number; unitPrice: number }[];
}

/** The order with its lines, locked for the rest of the transaction; null when there is none. */
export async function lockSagaOrder(tx: SqlSession, orderId: string): Promise<SagaOrder | null> {
  const [row] = await tx.query<SagaOrder & Record<string, unknown>>(
    `SELECT o.id::text AS id, o.number, o.email, o.status::text AS status, o.cancel_reason AS "cancelReason",
            o.currency, o.total, o.shipping_method AS "shippingMethod", o.shipping_address AS "shippingAddress",
            o.payment_token AS "paymentToken", o.saga,
            COALESCE((SELECT json_agg(json_build_object('variantId', l.variant_id, 'sku', l.sku, 'title', l.title,
                                                        'quantity', l.quantity, 'unitPrice', l.unit_price) ORDER BY l.sku)
                        FROM orders.order_lines l WHERE l.order_id = o.id), '[]'::json) AS lines
       FROM orders.orders o WHERE o.id = $1::uuid FOR UPDATE OF o`,
    [orderId],
  );
  return row ?? null;
}

export interface SagaOrderChange {
  status: OrderStatusName;
  facts: object;
  cancelReason: string | null;
  /** The payment token is dropped once the authorization has been asked for. */
  dropPaymentToken: boolean;
  shipment?: { carrier: string; trackingNumber: string } | undefined;
}

export async function saveSagaOrder(tx: SqlSession, orderId: string, c: SagaOrderChange): Promise<void> {
  await tx.query(
    `UPDATE orders.orders
        SET status = $2::orders."OrderStatus", saga = $3::jsonb, cancel_reason = $4,
            payment_token = CASE WHEN $5::boolean THEN NULL ELSE payment_token END,
            carrier = COALESCE($6::text, carrier), tracking_number = COALESCE($7::text, tracking_number),
            updated_at = now()
      WHERE id = $1::uuid`,
    [
      orderId,
      c.status,
      JSON.stringify(c.facts),
      c.cancelReason,
      c.dropPaymentToken,
      c.shipment?.carrier ?? null,
      c.shipment?.trackingNumber ?? null,
    ],
  );
}

export interface TimelineRow {
  id: string;
  status: OrderStatusName;
  code: string;
  message: string;
}

/** Appends timeline entries (each insert NOTIFYs the order's live streams). */
export async function addTimeline(
  tx: SqlSession,
  orderId: string,
  entries: readonly TimelineRow[],
): Promise<void> {
  if (entries.length === 0) return;
  const values = entries.map(
    (_, i) =>
      `($${i * 4 + 2}::uuid, $1::uuid, $${i * 4 + 3}::orders."OrderStatus", $${i * 4 + 4}, $${i * 4 + 5})`,
  );
  await tx.query(
    `INSERT INTO orders.order_timeline (id, order_id, status, code, message) VALUES ${values.join(", ")}`,
    [orderId, ...entries.flatMap((e) => [e.id, e.status, e.code, e.message])],
  );
}
