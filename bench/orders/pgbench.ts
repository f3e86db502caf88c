// The baseline for bench (1): pgbench running the two statements of one placeOrder transaction
// (services/orders/src/adapters/sql/place-order-sql.ts) — the idempotency key claimed with the cart
// locked and read with its lines; then the order written with its lines, first timeline entry, the
// cart's conversion, the key's answer and the event and the command in the outbox (whose trigger
// NOTIFYs, as in the service) — with the same number of clients,
// against the same database. Where the service sends JSON parameters, pgbench builds the same JSON on
// the server. The outbox rows go to a copy of the outbox table (same columns, indexes and NOTIFY
// trigger) that no relay reads, so the baseline's orders never enter the saga; its orders are deleted
// afterwards.
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { Database } from "@emporium/db";

const SCRIPT = `
\\set n random(1, 2000000000)
BEGIN;
WITH claimed AS (
  INSERT INTO orders.idempotency_keys (key, scope, request_hash, expires_at)
  VALUES ('pgbench-' || :client_id || '-' || :n, 'placeOrder', md5(random()::text), now() + interval '1 day')
  ON CONFLICT (key) DO NOTHING RETURNING 1
), cart AS (
  SELECT c.id, c.currency, c.converted_order_id, c.expires_at FROM orders.carts c
   WHERE c.id = (SELECT id FROM bench_carts WHERE client = :client_id) FOR UPDATE
)
SELECT (SELECT count(*) FROM claimed)::int AS claimed,
       (SELECT json_build_object(
                 'id', c.id, 'currency', c.currency, 'convertedOrderId', c.converted_order_id,
                 'expired', c.expires_at < now(),
                 'lines', COALESCE((SELECT json_agg(json_build_object('variantId', l.variant_id, 'sku', l.sku,
                                              'title', l.title, 'quantity', l.quantity, 'unitPrice', l.unit_price)
                                            ORDER BY l.created_at, l.id)
                                      FROM orders.cart_lines l WHERE l.cart_id = c.id), '[]'::json))
          FROM cart c) AS cart;
WITH new_order AS (
  INSERT INTO orders.orders (id, number, customer_id, email, status, currency, subtotal, shipping_total,
                             tax_total, total, shipping_method, shipping_address, payment_token, saga, updated_at)
  VALUES (md5(:client_id || '-' || :n)::uuid, 'PGB-' || :client_id || '-' || :n || '-' || substr(md5(random()::text), 1, 8),
          NULL, 'bench@example.com', 'PENDING', 'USD', 2999, 500, 0, 3499, 'standard',
          '{"name":"Bench","line1":"1 Bench St","city":"Berlin","postalCode":"10115","country":"DE"}'::jsonb,
          'tok_bench00000000', '{}', now())
  RETURNING id
), new_lines AS (
  INSERT INTO orders.order_lines (id, order_id, variant_id, sku, title, quantity, unit_price, line_total)
  SELECT l.id, md5(:client_id || '-' || :n)::uuid, l."variantId", l.sku, l.title, l.quantity, l."unitPrice", l.quantity * l."unitPrice"
    FROM json_to_recordset(json_build_array(json_build_object('id', gen_random_uuid(), 'variantId', gen_random_uuid(),
           'sku', 'BENCH-SKU', 'title', 'Bench product — Navy / M', 'quantity', 1, 'unitPrice', 2999)))
         AS l(id uuid, "variantId" uuid, sku text, title text, quantity int, "unitPrice" int)
), first_entry AS (
  INSERT INTO orders.order_timeline (id, order_id, status, code, message)
  VALUES (gen_random_uuid(), md5(:client_id || '-' || :n)::uuid, 'PENDING', 'order.placed', 'Order placed')
), converted AS (
  UPDATE orders.carts SET updated_at = now() WHERE id = (SELECT id FROM bench_carts WHERE client = :client_id)
), outbox AS (
  INSERT INTO bench_outbox (id, kind, topic, type, aggregate_id, payload)
  SELECT m.id, m.kind, m.topic, m.type, m.aggregate_id, m.payload
    FROM ROWS FROM (json_to_recordset(json_build_array(
           json_build_object('id', gen_random_uuid(), 'kind', 'event', 'topic', 'orders', 'type', 'order.placed.v1',
                             'aggregate_id', md5(:client_id || '-' || :n)::uuid, 'payload', (SELECT payload FROM bench_payloads WHERE kind = 'event')),
           json_build_object('id', gen_random_uuid(), 'kind', 'command', 'topic', 'inventory.reserve', 'type', 'inventory.reserve.v1',
                             'aggregate_id', md5(:client_id || '-' || :n)::uuid, 'payload', (SELECT payload FROM bench_payloads WHERE kind = 'command'))))
           AS (id uuid, kind text, topic text, type text, aggregate_id text, payload jsonb))
         WITH ORDINALITY AS m(id, kind, topic, type, aggregate_id, payload, n)
   ORDER BY m.n
)
UPDATE orders.idempotency_keys SET order_id = md5(:client_id || '-' || :n)::uuid WHERE key = 'pgbench-' || :client_id || '-' || :n;
COMMIT;
`;

export interface PgbenchResult {
  tps: number;
  latencyAvgMs: number;
  transactions: number;
}

/** Prepares one cart per client and representative outbox payloads, then runs pgbench. */
export async function runPgbench(
  db: Database,
  databaseUrl: string,
  clients: number,
  seconds: number,
): Promise<PgbenchResult> {
  await db.sql.exec(`
    DROP TABLE IF EXISTS bench_carts; DROP TABLE IF EXISTS bench_payloads; DROP TABLE IF EXISTS bench_outbox;
    CREATE TABLE bench_outbox (LIKE orders.outbox INCLUDING ALL);
    CREATE TRIGGER outbox_notify AFTER INSERT ON bench_outbox FOR EACH STATEMENT EXECUTE FUNCTION public.emporium_outbox_notify();
    CREATE TABLE bench_carts (client int PRIMARY KEY, id uuid NOT NULL);
    CREATE TABLE bench_payloads (kind text PRIMARY KEY, payload jsonb NOT NULL);`);
  const [sample] = await db.sql.query<{ payload: unknown }>(
    "SELECT payload FROM orders.outbox WHERE type = 'order.placed.v1' ORDER BY seq DESC LIMIT 1",
  );
  const [command] = await db.sql.query<{ payload: unknown }>(
    "SELECT payload FROM orders.outbox WHERE type = 'inventory.reserve.v1' ORDER BY seq DESC LIMIT 1",
  );
  await db.sql.query("INSERT INTO bench_payloads VALUES ('event', $1), ('command', $2)", [
    JSON.stringify(sample?.payload ?? {}),
    JSON.stringify(command?.payload ?? {}),
  ]);
  const carts = await db.sql.query<{ id: string }>(
    "SELECT cart_id AS id FROM orders.cart_lines GROUP BY cart_id ORDER BY cart_id LIMIT $1",
    [clients],
  );
  for (let c = 0; c < clients; c++)
    await db.sql.query("INSERT INTO bench_carts VALUES ($1, $2)", [
      c,
      carts[c % Math.max(carts.length, 1)]?.id,
    ]);

  const dir = mkdtempSync(path.join(tmpdir(), "emporium-pgbench-"));
  try {
    const file = path.join(dir, "place-order.sql");
    writeFileSync(file, SCRIPT);
    const result = spawnSync(
      "pgbench",
      [
        "--no-vacuum",
        "--client",
        String(clients),
        "--jobs",
        "1",
        "--time",
        String(seconds),
        "--file",
        file,
        databaseUrl,
      ],
      { encoding: "utf8" },
    );
    if (result.status !== 0) throw new Error(`pgbench failed: ${result.stderr}`);
    const tps = Number(/tps = ([\d.]+)/.exec(result.stdout)?.[1]);
    const latencyAvgMs = Number(/latency average = ([\d.]+) ms/.exec(result.stdout)?.[1]);
    const transactions = Number(/number of transactions actually processed: (\d+)/.exec(result.stdout)?.[1]);
    return { tps, latencyAvgMs, transactions };
  } finally {
    rmSync(dir, { recursive: true, force: true });
    await db.sql.exec(`
      DROP TABLE IF EXISTS bench_carts; DROP TABLE IF EXISTS bench_payloads; DROP TABLE IF EXISTS bench_outbox;
      DELETE FROM orders.order_timeline WHERE order_id IN (SELECT id FROM orders.orders WHERE number LIKE 'PGB-%');
      DELETE FROM orders.order_lines WHERE order_id IN (SELECT id FROM orders.orders WHERE number LIKE 'PGB-%');
      UPDATE orders.idempotency_keys SET order_id = NULL WHERE key LIKE 'pgbench-%';
      DELETE FROM orders.orders WHERE number LIKE 'PGB-%';`);
  }
}
