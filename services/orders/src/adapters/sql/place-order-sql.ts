// placeOrder's SQL on one transaction's session, two statements: the idempotency key claimed together
// with the cart read (and locked) with its lines and the id of any order of it awaiting another card;
// then the order written — with its lines, first timeline entry, the cart's conversion, the key's order
// and the outbox rows — as one statement. (A cart with such an order takes two more: the order locked,
// then paid again or abandoned; see app/place-order.ts.)
// `bench/orders/pgbench.ts` runs these same statements as its baseline. sqlCheckoutStore serves them
// to placeOrder as its CheckoutStore port.
import { isUniqueViolation, type Database, type SqlSession } from "@emporium/db";
import { outboxInsert, outboxRows, type OutboxMessage } from "@emporium/messaging";
import type { CheckoutCart, CheckoutStore, KeyClaim, NewOrder, StoredKey } from "../../ports/checkout-store";
import { lockHeldOrder, writeSagaStep } from "./saga-orders";

/** The checkout's transaction on the database's raw SQL path. */
export function sqlCheckoutStore(db: Database): CheckoutStore {
  return {
    transaction: (fn) =>
      db.transaction((tx) =>
        fn({
          claimKeyAndLockCart: (claim) => claimKeyAndLockCart(tx, claim),
          findIdempotencyKey: (key) => findIdempotencyKey(tx, key),
          insertOrder: (order, messages) => insertOrder(tx, order, messages),
          lockHeldOrder: (cartId) => lockHeldOrder(tx, cartId),
          writeSagaStep: (step) => writeSagaStep(tx, step),
          resumeOrder: (r) => resumeOrder(tx, r),
        }),
      ),
    isDuplicate: isUniqueViolation,
  };
}

/** A key already claimed, with the order it produced (if that order exists yet). */
export async function findIdempotencyKey(tx: SqlSession, key: string): Promise<StoredKey | null> {
  const [row] = await tx.query<StoredKey & Record<string, unknown>>(
    `SELECT k.scope, k.request_hash AS "requestHash", o.id::text AS "orderId", o.number AS "orderNumber",
            o.status::text AS "orderStatus"
       FROM orders.idempotency_keys k LEFT JOIN orders.orders o ON o.id = k.order_id
      WHERE k.key = $1`,
    [key],
  );
  return row ?? null;
}

/**
 * In one round trip: claims the idempotency key for this request (false when it exists already — a
 * replay or a clash), and reads the cart with its lines (oldest first) under a row lock against a
 * concurrent checkout; the cart is null when it does not exist.
 */
export async function claimKeyAndLockCart(
  tx: SqlSession,
  k: KeyClaim,
): Promise<{ claimed: boolean; cart: CheckoutCart | null }> {
  const [row] = await tx.query<{ claimed: number; cart: CheckoutCart | null }>(
    `WITH claimed AS (
       INSERT INTO orders.idempotency_keys (key, scope, request_hash, expires_at)
       VALUES ($1, $2, $3, $4::timestamptz) ON CONFLICT (key) DO NOTHING RETURNING 1
     ), cart AS (
       SELECT c.id, c.currency, c.converted_order_id, c.expires_at FROM orders.carts c WHERE c.id = $5::uuid FOR UPDATE
     )
     SELECT (SELECT count(*) FROM claimed)::int AS claimed,
            (SELECT json_build_object(
                      'id', c.id, 'currency', c.currency, 'convertedOrderId', c.converted_order_id,
                      'expired', c.expires_at < $6::timestamptz,
                      'heldOrderId', (SELECT o.id FROM orders.orders o
                                       WHERE o.status = 'PENDING' AND o.saga->'holdForRetry'->>'cartId' = c.id::text
                                         AND o.saga ? 'awaitingPayment' LIMIT 1),
                      'lines', COALESCE((SELECT json_agg(json_build_object('variantId', l.variant_id, 'sku', l.sku,
                                                   'title', l.title, 'quantity', l.quantity, 'unitPrice', l.unit_price)
                                                 ORDER BY l.created_at, l.id)
                                           FROM orders.cart_lines l WHERE l.cart_id = c.id), '[]'::json))
               FROM cart c) AS cart`,
    [k.key, k.scope, k.requestHash, k.expiresAt.toISOString(), k.cartId, k.now.toISOString()],
  );
  return { claimed: row?.claimed === 1, cart: row?.cart ?? null };
}

/**
 * The PENDING order with its lines and first timeline entry, the cart converted, the key answered and
 * the order's first messages in the outbox — one statement.
 */
export async function insertOrder(
  tx: SqlSession,
  o: NewOrder,
  messages: readonly OutboxMessage[],
): Promise<void> {
  await tx.query(
    `WITH new_order AS (
       INSERT INTO orders.orders (id, number, customer_id, email, status, currency, subtotal, shipping_total,
                                  tax_total, total, shipping_method, shipping_address, payment_token, saga, updated_at)
       VALUES ($1::uuid, $2, $3::uuid, $4, 'PENDING', $5, $6, $7, $8, $9, $10, $11::jsonb, $12, $18::jsonb, now())
       RETURNING id
     ), new_lines AS (
       INSERT INTO orders.order_lines (id, order_id, variant_id, sku, title, quantity, unit_price, line_total)
       SELECT l.id, $1::uuid, l."variantId", l.sku, l.title, l.quantity, l."unitPrice", l.quantity * l."unitPrice"
         FROM json_to_recordset($13::json) AS l(id uuid, "variantId" uuid, sku text, title text, quantity int, "unitPrice" int)
     ), first_entry AS (
       INSERT INTO orders.order_timeline (id, order_id, status, code, message)
       VALUES ($14::uuid, $1::uuid, 'PENDING', 'order.placed', 'Order placed')
     ), converted AS (
       UPDATE orders.carts SET converted_order_id = $1::uuid, updated_at = now() WHERE id = $15::uuid
     ), outbox AS (
       ${outboxInsert("orders", 17)}
     )
     UPDATE orders.idempotency_keys SET order_id = $1::uuid WHERE key = $16`,
    [
      o.id,
      o.number,
      o.customerId,
      o.email,
      o.currency,
      o.totals.subtotal,
      o.totals.shippingTotal,
      o.totals.taxTotal,
      o.totals.total,
      o.shippingMethod,
      JSON.stringify(o.shippingAddress),
      o.paymentToken,
      JSON.stringify(o.lines),
      o.timelineId,
      o.cartId,
      o.idempotencyKey,
      outboxRows(messages),
      JSON.stringify(o.saga),
    ],
  );
}

/** The cart converted to the held order again and the request's key answered with it — one statement. */
export async function resumeOrder(
  tx: SqlSession,
  r: { orderId: string; cartId: string; idempotencyKey: string },
): Promise<void> {
  await tx.query(
    `WITH converted AS (
       UPDATE orders.carts SET converted_order_id = $1::uuid, updated_at = now() WHERE id = $2::uuid
     )
     UPDATE orders.idempotency_keys SET order_id = $1::uuid WHERE key = $3`,
    [r.orderId, r.cartId, r.idempotencyKey],
  );
}
