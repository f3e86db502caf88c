// Load helpers shared by the orders benchmark and the saga profiler: prepared carts, placing orders
// through the API (closed or open loop), and reading placed → confirmed from the database.
import { randomUUID } from "node:crypto";
import http from "node:http";
import { ADDRESS, pool, Stack, type StackOptions } from "@emporium/system-tests";

export function env(...names: string[]): string {
  for (const n of names) if (process.env[n]) return process.env[n] ?? "";
  throw new Error(`set ${names.join(" or ")}`);
}

export function intEnv(name: string, fallback: number): number {
  const raw = process.env[name];
  const n = raw ? Number(raw) : fallback;
  if (!Number.isInteger(n) || n <= 0) throw new Error(`${name} must be a positive integer`);
  return n;
}

/**
 * The platform as the orders benchmark and the profiler run it: every service its own process on the
 * real PostgreSQL, Kafka and RabbitMQ, logging warnings only, with the benchmark's tuning.
 */
export function benchStack(nodeArgs?: StackOptions["nodeArgs"]): Stack {
  return new Stack({
    databaseAdminUrl: env("BENCH_DATABASE_URL", "TEST_DATABASE_URL"),
    kafkaBrokers: env("KAFKA_BROKERS", "TEST_KAFKA_BROKERS"),
    amqpUrl: env("AMQP_URL", "TEST_AMQP_URL"),
    products: 100,
    carrierStepMs: 500,
    env: {
      psp: { PSP_MAX_RECORDS: "200000", LOG_LEVEL: "warn" },
      orders: { LOG_LEVEL: "warn" },
      inventory: { LOG_LEVEL: "warn", INVENTORY_CONCURRENCY: "16" },
      payment: { LOG_LEVEL: "warn" },
      fulfillment: { LOG_LEVEL: "warn" },
      catalog: { LOG_LEVEL: "warn" },
    },
    ...(nodeArgs ? { nodeArgs } : {}),
  });
}

export interface Prepared {
  cartToken: string;
  paymentToken: string;
}

export async function prepareCarts(
  stack: Stack,
  count: number,
  variantIds: string[],
  tokens: string[],
): Promise<Prepared[]> {
  const made = await pool(count, 16, async (i) => {
    const cart = await stack.orders.cart.addLine.mutate({
      variantId: variantIds[i % variantIds.length] ?? "",
      quantity: 1,
    });
    return { cartToken: cart.token, paymentToken: tokens[i % tokens.length] ?? "" };
  });
  const failed = made.filter((m): m is Error => m instanceof Error);
  if (failed.length > 0) throw new Error(`could not prepare carts: ${failed[0]?.message}`);
  return made.filter((m): m is Prepared => !(m instanceof Error));
}

// placeOrder over plain node:http with kept-alive connections — the same tRPC request the typed client
// sends (POST /trpc/checkout.placeOrder, the input as JSON) without its fetch machinery, so the load
// generator takes as little of the machine's two cores as it can (pgbench is a lean C client too).
const agent = new http.Agent({ keepAlive: true, maxSockets: 256 });

function post(url: URL, body: string): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      url,
      {
        method: "POST",
        agent,
        headers: { "content-type": "application/json", "content-length": Buffer.byteLength(body) },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("end", () =>
          resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString("utf8") }),
        );
        res.on("error", reject);
      },
    );
    req.on("error", reject);
    req.end(body);
  });
}

export async function place(stack: Stack, p: Prepared): Promise<{ orderId: string; ms: number }> {
  const started = performance.now();
  const { status, text } = await post(
    new URL(`${stack.ordersUrl}/checkout.placeOrder`),
    JSON.stringify({
      cartToken: p.cartToken,
      email: "bench@example.com",
      shippingAddress: ADDRESS,
      shippingMethod: "standard",
      paymentToken: p.paymentToken,
      idempotencyKey: `bench_${randomUUID().replace(/-/g, "")}`,
    }),
  );
  if (status !== 200) throw new Error(`placeOrder answered ${status}: ${text.slice(0, 300)}`);
  const answer = JSON.parse(text) as { result?: { data?: { orderId?: unknown } } };
  const orderId = answer.result?.data?.orderId;
  if (typeof orderId !== "string")
    throw new Error(`placeOrder answered without an order id: ${text.slice(0, 300)}`);
  return { orderId, ms: performance.now() - started };
}

/**
 * Places orders from prepared carts with `clients` calls at a time for `seconds` (closed loop); answers
 * the latencies (sorted), the refused calls, the seconds it ran and whether the carts ran out.
 */
export async function closedLoop(stack: Stack, carts: Prepared[], clients: number, seconds: number) {
  const latencies: number[] = [];
  let next = 0;
  let errors = 0;
  const t0 = performance.now();
  const end = t0 + seconds * 1000;
  await Promise.all(
    Array.from({ length: clients }, async () => {
      while (performance.now() < end) {
        const cart = carts[next++];
        if (!cart) break;
        try {
          latencies.push((await place(stack, cart)).ms);
        } catch {
          errors++;
        }
      }
    }),
  );
  const elapsed = (performance.now() - t0) / 1000;
  latencies.sort((a, b) => a - b);
  return { latencies, errors, elapsed, ranOut: next >= carts.length };
}

/** placed → confirmed per order, from the orders table and its timeline (same database clock). */
export async function confirmLatencies(
  stack: Stack,
  orderIds: string[],
  timeoutMs: number,
): Promise<number[]> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const rows = await stack.db.sql.query<{ ms: number | null }>(
      `SELECT EXTRACT(EPOCH FROM (t.created_at - o.created_at)) * 1000 AS ms
         FROM orders.orders o LEFT JOIN orders.order_timeline t ON t.order_id = o.id AND t.code = 'order.confirmed'
        WHERE o.id = ANY($1::uuid[])`,
      [orderIds],
    );
    const done = rows.filter((r) => r.ms !== null).map((r) => Number(r.ms));
    if (done.length === orderIds.length || Date.now() > deadline) return done.sort((a, b) => a - b);
    await new Promise((r) => setTimeout(r, 500));
  }
}

/**
 * Waits until every order is DELIVERED or CANCELLED — the saga and the workers have caught up, carrier
 * steps included, so nothing left over from earlier orders competes with the next measurement; returns
 * seconds.
 */
export async function drain(stack: Stack, timeoutMs: number): Promise<number> {
  const started = Date.now();
  for (;;) {
    const [row] = await stack.db.sql.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM orders.orders WHERE status NOT IN ('DELIVERED', 'CANCELLED')",
    );
    if ((row?.n ?? 0) === 0) return (Date.now() - started) / 1000;
    if (Date.now() - started > timeoutMs)
      throw new Error(`the saga did not catch up within ${timeoutMs / 1000} s (${row?.n} orders open)`);
    await new Promise((r) => setTimeout(r, 1000));
  }
}

/**
 * Before a measured step: the pipeline has caught up (drain), then PostgreSQL vacuums and analyzes the
 * stack's database, so dead rows left by the previous step's backlog are not vacuumed during the next
 * measurement (autovacuum would, with the next step paying for it). Returns the seconds it took.
 */
export async function settle(stack: Stack, timeoutMs: number): Promise<number> {
  const started = Date.now();
  await drain(stack, timeoutMs);
  await stack.db.sql.exec("VACUUM (ANALYZE)");
  return (Date.now() - started) / 1000;
}

/** Places one order every 1000/rate ms from prepared carts, without waiting for earlier ones. */
export async function openLoop(stack: Stack, rate: number, durationS: number, carts: Prepared[]) {
  const total = Math.min(carts.length, Math.round(rate * durationS));
  const placed: { orderId: string; ms: number }[] = [];
  let errors = 0;
  /** What the refused calls said (each distinct answer once), so a run's errors are explained. */
  const why = new Set<string>();
  const started = performance.now();
  const inFlight: Promise<void>[] = [];
  for (let i = 0; i < total; i++) {
    const due = started + (i * 1000) / rate;
    const wait = due - performance.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    const cart = carts[i];
    if (!cart) break;
    inFlight.push(
      place(stack, cart).then(
        (r) => void placed.push(r),
        (err: unknown) => {
          errors++;
          why.add(err instanceof Error ? err.message.slice(0, 200) : String(err));
        },
      ),
    );
  }
  await Promise.all(inFlight);
  const elapsed = (performance.now() - started) / 1000;
  return { placed, errors, why: [...why], achieved: placed.length / elapsed };
}

/** The hops from placed to confirmed, each as the database clock saw its start. */
export const HOPS = [
  "placed → orders relay has sent inventory.reserve",
  "→ inventory reserves (RabbitMQ delivery)",
  "→ inventory relay has sent inventory.reserved",
  "→ saga records stock.reserved (Kafka)",
  "→ orders relay has sent payment.authorize",
  "→ payment opens the payment (RabbitMQ delivery)",
  "→ provider answered, outcome written",
  "→ payments relay has sent payment.authorized",
  "→ saga records order.confirmed (Kafka)",
] as const;

/**
 * For each hop, its durations in ms (sorted) over the given confirmed orders. Outbox rows say when a
 * relay had them confirmed by the broker (`sent_at`); the rest are the rows each step wrote.
 */
export async function hopLatencies(stack: Stack, orderIds: string[]): Promise<number[][]> {
  const rows = await stack.db.sql.query<{ marks: (number | null)[] }>(
    `SELECT ARRAY[
         EXTRACT(EPOCH FROM o.created_at),
         (SELECT EXTRACT(EPOCH FROM sent_at) FROM orders.outbox WHERE aggregate_id = o.id::text AND type = 'inventory.reserve.v1' LIMIT 1),
         (SELECT EXTRACT(EPOCH FROM created_at) FROM inventory.reservations WHERE order_id = o.id),
         (SELECT EXTRACT(EPOCH FROM sent_at) FROM inventory.outbox WHERE aggregate_id = o.id::text AND type = 'inventory.reserved.v1' LIMIT 1),
         (SELECT EXTRACT(EPOCH FROM created_at) FROM orders.order_timeline WHERE order_id = o.id AND code = 'stock.reserved' LIMIT 1),
         (SELECT EXTRACT(EPOCH FROM sent_at) FROM orders.outbox WHERE aggregate_id = o.id::text AND type = 'payment.authorize.v1' LIMIT 1),
         (SELECT EXTRACT(EPOCH FROM created_at) FROM payments.payments WHERE order_id = o.id),
         (SELECT EXTRACT(EPOCH FROM created_at) FROM payments.outbox WHERE aggregate_id = o.id::text AND type = 'payment.authorized.v1' LIMIT 1),
         (SELECT EXTRACT(EPOCH FROM sent_at) FROM payments.outbox WHERE aggregate_id = o.id::text AND type = 'payment.authorized.v1' LIMIT 1),
         (SELECT EXTRACT(EPOCH FROM created_at) FROM orders.order_timeline WHERE order_id = o.id AND code = 'order.confirmed' LIMIT 1)
       ]::float8[] AS marks
       FROM orders.orders o WHERE o.id = ANY($1::uuid[])`,
    [orderIds],
  );
  return HOPS.map((_, i) =>
    rows
      .flatMap(({ marks }) => {
        const from = marks[i];
        const to = marks[i + 1];
        return from == null || to == null ? [] : [(Number(to) - Number(from)) * 1000];
      })
      .sort((a, b) => a - b),
  );
}
