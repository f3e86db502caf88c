// The baseline for bench (1): pgbench running the SQL that one placeOrder transaction runs — the
// idempotency key, the cart and its lines read, the order with its lines and first timeline entry, the
// cart and key updated, the event and the command written to the outbox (whose triggers NOTIFY, as in
// the service) — with the same number of clients, against the same database. The outbox rows go to
// a copy of the outbox table (same columns, indexes and NOTIFY trigger) that no relay reads, so the
// baseline's orders never enter the saga, and its orders are deleted afterwards.
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { Database } from "@emporium/db";

const SCRIPT = `
\\set n random(1, 2000000000)
BEGIN;
INSERT INTO orders.idempotency_keys (key, scope, request_hash, expires_at)
  VALUES ('pgbench-' || :client_id || '-' || :n, 'placeOrder', md5(random()::text), now() + interval '1 day')
  ON CONFLICT (key) DO NOTHING;
SELECT id, customer_id, currency, expires_at, converted_order_id, created_at, updated_at FROM orders.carts WHERE id = (SELECT id FROM bench_carts WHERE client = :client_id);
SELECT id, cart_id, variant_id, sku, title, quantity, unit_price, currency, created_at FROM orders.cart_lines
  WHERE cart_id = (SELECT id FROM bench_carts WHERE client = :client_id) ORDER BY created_at;
INSERT INTO orders.orders (id, number, email, status, currency, subtotal, shipping_total, tax_total, total, shipping_method, shipping_address, payment_token, saga, updated_at)
  VALUES (md5(:client_id || '-' || :n)::uuid, 'PGB-' || :client_id || '-' || :n || '-' || substr(md5(random()::text), 1, 8), 'bench@example.com', 'PENDING', 'USD', 2999, 500, 0, 3499, 'standard',
          '{"name":"Bench","line1":"1 Bench St","city":"Berlin","postalCode":"10115","country":"DE"}', 'tok_bench00000000', '{}', now());
INSERT INTO orders.order_lines (id, order_id, variant_id, sku, title, quantity, unit_price, line_total)
  VALUES (gen_random_uuid(), md5(:client_id || '-' || :n)::uuid, gen_random_uuid(), 'BENCH-SKU', 'Bench product — Navy / M', 1, 2999, 2999);
INSERT INTO orders.order_timeline (id, order_id, status, code, message) VALUES (gen_random_uuid(), md5(:client_id || '-' || :n)::uuid, 'PENDING', 'order.placed', 'Order placed');
UPDATE orders.carts SET updated_at = now() WHERE id = (SELECT id FROM bench_carts WHERE client = :client_id);
UPDATE orders.idempotency_keys SET order_id = md5(:client_id || '-' || :n)::uuid WHERE key = 'pgbench-' || :client_id || '-' || :n;
INSERT INTO bench_outbox (id, kind, topic, type, aggregate_id, payload) VALUES
  (gen_random_uuid(), 'event', 'orders', 'order.placed.v1', md5(:client_id || '-' || :n)::uuid, (SELECT payload FROM bench_payloads WHERE kind = 'event')),
  (gen_random_uuid(), 'command', 'inventory.reserve', 'inventory.reserve.v1', md5(:client_id || '-' || :n)::uuid, (SELECT payload FROM bench_payloads WHERE kind = 'command'));
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
