// The saga step on PGlite and PostgreSQL, driven directly: a redelivered event — even ten copies at
// once — changes the order once and sends its commands once; distinct events about one order arriving
// together are all applied (none overwrites another); an event for an unknown order changes nothing.
import { randomUUID } from "node:crypto";
import { Registry } from "prom-client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createEnvelope, shipmentProgressedV1, stockReservedV1 } from "@emporium/contracts";
import { testDatabaseTargets } from "@emporium/db/testing";
import type { DeliveryInfo } from "@emporium/messaging";
import { sqlSagaStore } from "../src/adapters/sql/saga-orders";
import { createOrderMetrics } from "../src/app/order-metrics";
import { sagaConsumer } from "../src/consumers/saga-events";
import { createOrdersFixture, log, type OrdersFixture } from "./fixture";

const DELIVERY: DeliveryInfo = { source: "inventory", attempt: 1 };

describe.each(testDatabaseTargets("saga steps"))("saga steps on $name", (target) => {
  let f: OrdersFixture;
  let handle: ReturnType<typeof sagaConsumer>;

  beforeAll(async () => {
    f = await createOrdersFixture(target);
    handle = sagaConsumer({
      orders: sqlSagaStore(f.db),
      log,
      reservationTtlMs: 60_000,
      metrics: createOrderMetrics(new Registry()),
    });
  });
  afterAll(() => f?.dispose());

  /** A PENDING order (its reserve command goes to a queue nobody reads here). */
  async function pendingOrder(): Promise<string> {
    const v = f.catalog.add(1500, 10);
    const cart = await f.caller.cart.addLine({ variantId: v.id, quantity: 1 });
    const placed = await f.caller.checkout.placeOrder({
      cartToken: cart.token,
      email: "saga@example.com",
      shippingAddress: {
        name: "Saga Test",
        line1: "1 Step St",
        city: "Leeds",
        postalCode: "LS1 1AA",
        country: "GB",
      },
      shippingMethod: "standard",
      paymentToken: "tok_abcdefgh12345678",
      idempotencyKey: `key_${randomUUID().replace(/-/g, "")}`,
    });
    return placed.orderId;
  }

  async function timeline(orderId: string) {
    return f.db.sql.query<{ code: string }>(
      "SELECT code FROM orders.order_timeline WHERE order_id = $1::uuid ORDER BY seq",
      [orderId],
    );
  }

  async function outboxTypes(orderId: string) {
    const rows = await f.db.sql.query<{ type: string }>(
      "SELECT type FROM orders.outbox WHERE aggregate_id = $1 ORDER BY seq",
      [orderId],
    );
    return rows.map((r) => r.type);
  }

  it("applies an event once however many copies arrive, at once or later", async () => {
    const orderId = await pendingOrder();
    const reserved = createEnvelope(stockReservedV1, orderId, {
      orderId,
      reservationId: randomUUID(),
      expiresAt: new Date(Date.now() + 60_000).toISOString(),
    });
    await Promise.all(Array.from({ length: 10 }, () => handle(reserved, DELIVERY)));
    await handle(reserved, DELIVERY);

    const [order] = await f.db.sql.query<{ status: string; saga: { reservedAt?: string } }>(
      "SELECT status::text AS status, saga FROM orders.orders WHERE id = $1::uuid",
      [orderId],
    );
    expect(order?.status).toBe("PENDING");
    expect(order?.saga.reservedAt).toBeDefined();
    expect((await timeline(orderId)).filter((t) => t.code === "stock.reserved")).toHaveLength(1);
    const sent = await outboxTypes(orderId);
    expect(sent.filter((t) => t === "payment.authorize.v1")).toHaveLength(1);
  });

  it("applies every one of several different events that arrive together", async () => {
    const orderId = await pendingOrder();
    const progressed = Array.from({ length: 8 }, () =>
      createEnvelope(shipmentProgressedV1, orderId, {
        orderId,
        shipmentId: randomUUID(),
        status: "OUT_FOR_DELIVERY",
      }),
    );
    await Promise.all(progressed.map((e) => handle(e, { source: "fulfillment", attempt: 1 })));
    expect((await timeline(orderId)).filter((t) => t.code === "fulfillment.out-for-delivery")).toHaveLength(
      8,
    );
  });

  it("ignores an event about an order it does not have", async () => {
    const before = await f.db.sql.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM orders.order_timeline",
    );
    const orderId = randomUUID();
    await handle(
      createEnvelope(stockReservedV1, orderId, {
        orderId,
        reservationId: randomUUID(),
        expiresAt: new Date().toISOString(),
      }),
      DELIVERY,
    );
    const after = await f.db.sql.query<{ n: number }>("SELECT count(*)::int AS n FROM orders.order_timeline");
    expect(after[0]?.n).toBe(before[0]?.n);
  });
});
