// The orders service's business metrics on PGlite and PostgreSQL, read from its registry after real
// orders run through the saga with scripted workers: placed, confirmed, delivered and cancelled by a
// fixed reason (declined, sold out, by staff); placed→confirmed and each saga step's latency; the age of
// the oldest order the saga is still moving; and, on PostgreSQL, the pool the service runs on.
import type { Principal } from "@emporium/auth";
import { TEST_PRINCIPALS } from "@emporium/auth/testing";
import { testDatabaseTargets } from "@emporium/db/testing";
import { waitFor } from "@emporium/testkit";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { address, createOrdersFixture, idempotencyKey, scriptWorkers, type OrdersFixture } from "./fixture";

const manager = TEST_PRINCIPALS.manager as Principal;

describe.each(testDatabaseTargets("order metrics"))("order metrics on $name", (target) => {
  let f: OrdersFixture;
  const stock = new Map<string, number>();
  let workers: ReturnType<typeof scriptWorkers>;

  beforeAll(async () => {
    f = await createOrdersFixture(target);
    workers = scriptWorkers(f.events, f.commands, stock);
    await workers.start();
  });
  afterAll(() => f?.dispose());

  /** Every series of `name`, keyed by its labels other than the default `service` ("" for none). */
  async function series(name: string): Promise<Record<string, number>> {
    const metric = await f.metrics.registry.getSingleMetric(name)?.get();
    return Object.fromEntries(
      (metric?.values ?? []).map((v) => {
        const { service: _service, ...labels } = v.labels;
        const key = Object.entries(labels)
          .map(([k, value]) => `${k}=${String(value)}`)
          .join(",");
        const metricName = "metricName" in v && typeof v.metricName === "string" ? v.metricName : name;
        return [`${metricName}${key ? `{${key}}` : ""}`, v.value];
      }),
    );
  }
  const value = async (name: string, key = name) => (await series(name))[key] ?? 0;

  /** Places an order of one variant; `held` is the stock inventory holds when the reserve arrives. */
  async function place(held = 10) {
    const v = f.catalog.add(1200, 10);
    stock.set(v.id, held);
    const cart = await f.caller.cart.addLine({ variantId: v.id, quantity: 1 });
    return f.caller.checkout.placeOrder({
      cartToken: cart.token,
      email: "metrics@example.com",
      shippingAddress: address,
      shippingMethod: "standard",
      paymentToken: "tok_abcdefgh12345678",
      idempotencyKey: idempotencyKey(),
    });
  }
  async function reaches(placed: { orderId: string; accessToken: string }, status: string) {
    await waitFor(
      async () =>
        (await f.caller.order.get({ orderId: placed.orderId, accessToken: placed.accessToken })).status ===
        status,
      {
        what: `order ${placed.orderId} ${status}`,
      },
    );
  }

  it("counts orders through the saga and measures its steps from their stored send times", async () => {
    expect(await value("orders_placed_total")).toBe(0);
    expect(await series("orders_cancelled_total")).toMatchObject({
      "orders_cancelled_total{reason=payment_declined}": 0,
      "orders_cancelled_total{reason=staff}": 0,
    });

    const delivered = await place();
    await reaches(delivered, "DELIVERED");
    expect(await value("orders_placed_total")).toBe(1);
    expect(await value("orders_confirmed_total")).toBe(1);
    expect(await value("orders_delivered_total")).toBe(1);
    const order = await f.caller.order.get({
      orderId: delivered.orderId,
      accessToken: delivered.accessToken,
    });
    expect(await series("orders_confirmed_amount_total")).toEqual({
      [`orders_confirmed_amount_total{currency=${order.currency}}`]: order.total / 100,
    });
    expect(
      await value("orders_placed_to_confirmed_seconds", "orders_placed_to_confirmed_seconds_count"),
    ).toBe(1);
    const steps = await series("saga_step_duration_seconds");
    for (const step of ["reserve", "authorize", "ship", "capture"])
      expect(steps[`saga_step_duration_seconds_count{step=${step}}`], step).toBe(1);
    // Each step took the time between its command and its reply, not since the epoch or below zero.
    expect(steps["saga_step_duration_seconds_sum{step=reserve}"]).toBeGreaterThan(0);
    expect(steps["saga_step_duration_seconds_sum{step=reserve}"]).toBeLessThan(60);

    const declined = await place();
    workers.cards.set(declined.orderId, "decline");
    await reaches(declined, "CANCELLED");
    const soldOut = await place(0);
    await reaches(soldOut, "CANCELLED");
    expect(await series("orders_cancelled_total")).toMatchObject({
      "orders_cancelled_total{reason=payment_declined}": 1,
      "orders_cancelled_total{reason=out_of_stock}": 1,
    });
    expect(await value("orders_placed_total")).toBe(3);

    // Held at payment: PENDING, the oldest order the saga is still moving; a staff cancel ends it.
    const held = await place();
    workers.cards.set(held.orderId, "hold");
    await waitFor(() => workers.sent.includes(`payment.authorize:${held.orderId}`), {
      what: "the authorize command",
    });
    await waitFor(async () => (await value("orders_oldest_unfinished_order_age_seconds")) > 0, {
      what: "the unfinished order's age",
    });
    await f.callerAs(manager).admin.orders.cancel({ orderId: held.orderId, reason: "customer phoned" });
    expect(await value("orders_cancelled_total", "orders_cancelled_total{reason=staff}")).toBe(1);
    expect(await value("orders_oldest_unfinished_order_age_seconds")).toBe(0);
  });

  it("labels nothing by an order: every label value comes from a fixed set", async () => {
    const text = await f.metrics.registry.metrics();
    expect(text).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-/);
    expect(text).not.toMatch(/EMP-|@example\.com/);
  });

  it.runIf(target.name === "postgres")("serves the pool the service runs on", async () => {
    const pool = await series("db_pool_connections");
    expect(Object.keys(pool).sort()).toEqual([
      "db_pool_connections{state=idle}",
      "db_pool_connections{state=in_use}",
      "db_pool_connections{state=waiting}",
    ]);
    expect(
      (pool["db_pool_connections{state=idle}"] ?? 0) + (pool["db_pool_connections{state=in_use}"] ?? 0),
    ).toBeGreaterThan(0);
  });
});
