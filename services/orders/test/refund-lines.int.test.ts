// Refunds by line on PGlite and PostgreSQL, through the saga with in-process buses, the scripted payment
// worker and the real inventory worker: units priced as sold, a line never refunded beyond what was
// ordered, bad input named by field with nothing changed, one refund per idempotency key, and the
// refunded units back on hand at the chosen location exactly once, however often the restock command
// is delivered.
import { randomUUID } from "node:crypto";
import type { TRPCError } from "@trpc/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Principal } from "@emporium/auth";
import { TEST_PRINCIPALS } from "@emporium/auth/testing";
import { createEnvelope, QUEUES, readMessage, restockStockV1 } from "@emporium/contracts";
import { testDatabaseTargets } from "@emporium/db/testing";
import { createInventoryWorker } from "@emporium/inventory/testing";
import { InProcessCommandBus, InProcessEventBus } from "@emporium/messaging";
import { createServiceMetrics } from "@emporium/observability";
import { refusal } from "@emporium/service-kit/testing";
import { waitFor } from "@emporium/testkit";
import {
  address,
  createOrdersFixture,
  idempotencyKey as key,
  log,
  scriptWorkers,
  type OrdersFixture,
} from "./fixture";

const manager = TEST_PRINCIPALS.manager as Principal;

/** What a refusal says, each input issue as "<field>: <message>" (an in-process call keeps them apart). */
function said(err: TRPCError): string {
  const issues = (err.cause as { issues?: { path: PropertyKey[]; message: string }[] } | undefined)?.issues;
  return issues ? issues.map((i) => `${i.path.map(String).join(".")}: ${i.message}`).join("; ") : err.message;
}

describe.each(testDatabaseTargets("orders refunds by line"))("refunds by line on $name", (target) => {
  let f: OrdersFixture;
  let workers: ReturnType<typeof scriptWorkers>;
  const stock = new Map<string, number>();
  // The real inventory worker on the same database, on buses of its own: each restock command the
  // orders service sends reaches it twice, as a broker's redelivery would, followed by a marker restock
  // of its own; handled one at a time in order, the marker's units on hand mean both copies were handled.
  const inventoryCommands = new InProcessCommandBus(log, { delaysMs: [20, 50] });
  const inventoryEvents = new InProcessEventBus(log, { delaysMs: [20, 50] });
  let inventory: ReturnType<typeof createInventoryWorker>;
  const restocks: string[] = [];
  const [berlin, paris] = [randomUUID(), randomUUID()];
  const marker = randomUUID();
  const asManager = () => f.callerAs(manager);

  beforeAll(async () => {
    f = await createOrdersFixture(target);
    workers = scriptWorkers(f.events, f.commands, stock);
    await workers.start();
    inventory = createInventoryWorker({
      db: f.db,
      events: inventoryEvents,
      commands: inventoryCommands,
      log,
      metrics: createServiceMetrics("inventory-test"),
      concurrency: 1,
    });
    await inventory.start();
    await f.commands.consume({
      queue: QUEUES.inventoryRestock,
      handle: async (e) => {
        restocks.push(e.id);
        await inventoryCommands.send(QUEUES.inventoryRestock, e);
        await inventoryCommands.send(QUEUES.inventoryRestock, e);
        const { data } = readMessage(e, restockStockV1);
        await inventoryCommands.send(
          QUEUES.inventoryRestock,
          createEnvelope(restockStockV1, data.orderId, {
            ...data,
            locationId: paris,
            lines: [{ variantId: marker, sku: "MARKER", quantity: 1 }],
          }),
        );
      },
    });
    await f.db.prisma.location.createMany({
      data: [
        { id: berlin, code: `BER-${berlin.slice(0, 4)}`, name: "Berlin", country: "DE" },
        { id: paris, code: `PAR-${paris.slice(0, 4)}`, name: "Paris", country: "FR" },
      ],
    });
  });
  afterAll(async () => {
    await inventory?.stop();
    await inventoryCommands.close();
    await inventoryEvents.close();
    await f?.dispose();
  });

  /** Delivers an order of 2 × a $15.00 shirt and 1 × a $10.00 mug ($40.00, and $5.00 shipping). */
  async function deliveredOrder() {
    const shirt = f.catalog.add(1500, 20);
    const mug = f.catalog.add(1000, 20);
    stock.set(shirt.id, 20);
    stock.set(mug.id, 20);
    await f.db.prisma.stockLevel.createMany({
      data: [
        { locationId: berlin, variantId: shirt.id, sku: shirt.sku, onHand: 5, available: 5 },
        { locationId: paris, variantId: shirt.id, sku: shirt.sku, onHand: 7, available: 7 },
      ],
    });
    const first = await f.caller.cart.addLine({ variantId: shirt.id, quantity: 2 });
    const cart = await f.caller.cart.addLine({ cartToken: first.token, variantId: mug.id, quantity: 1 });
    const placed = await f.caller.checkout.placeOrder({
      cartToken: cart.token,
      email: "ada@example.com",
      shippingAddress: address,
      shippingMethod: "standard",
      paymentToken: "tok_abcdefgh12345678",
      idempotencyKey: key(),
    });
    await waitFor(
      async () => (await asManager().admin.orders.get({ orderId: placed.orderId })).status === "DELIVERED",
      { what: "the order to be delivered" },
    );
    return { orderId: placed.orderId, shirt, mug };
  }

  const settled = (orderId: string, refunded: number) =>
    waitFor(
      async () => {
        const o = await asManager().admin.orders.get({ orderId });
        return o.payment.refunded === refunded && o.payment.refundPending === 0 ? o : null;
      },
      { what: `${refunded} cents refunded` },
    );
  const onHand = async (locationId: string, variantId: string) =>
    (await f.db.prisma.stockLevel.findUnique({ where: { locationId_variantId: { locationId, variantId } } }))
      ?.onHand;

  it("refunds part of a line and restocks it once, then the rest of it, and refuses more", async () => {
    const { orderId, shirt } = await deliveredOrder();
    const once = key();
    const ask = () =>
      asManager().admin.orders.refund({
        orderId,
        lines: [{ variantId: shirt.id, quantity: 1 }],
        restock: { locationId: berlin },
        reason: "returned",
        idempotencyKey: once,
      });
    // A double click: one refund, one restock.
    const [a, b] = await Promise.all([ask(), ask()]);
    expect([a.replayed, b.replayed].sort()).toEqual([false, true]);
    expect(a.amount).toBe(1500);
    expect(b.amount).toBe(1500);
    const first = await settled(orderId, 1500);
    expect(first.refundedUnits).toEqual({ [shirt.id]: 1 });
    expect(first.payment).toMatchObject({ state: "partially_refunded", refundable: 3000 });
    // Both deliveries of the restock handled (the marker came after them), and one unit on hand more.
    await waitFor(async () => (await onHand(paris, marker)) === 1, { what: "the restock to be handled" });
    expect(restocks).toHaveLength(1);
    const adjustments = await f.db.prisma.stockAdjustment.findMany({ where: { variantId: shirt.id } });
    expect(adjustments).toMatchObject([{ locationId: berlin, delta: 1, reason: "returned" }]);
    expect(adjustments[0]?.note).toMatch(/^refund restock, order /);
    expect(await onHand(berlin, shirt.id)).toBe(6);
    expect(await onHand(paris, shirt.id)).toBe(7);
    expect(first.timeline.map((t) => t.message)).toEqual(
      expect.arrayContaining([
        "Refund of $15.00 requested",
        "Refunded $15.00",
        "1 refunded item going back in stock",
      ]),
    );

    // More of the line than is left: a 400 naming the field, and nothing written.
    const outbox = await f.db.prisma.ordersOutbox.count();
    const over = await refusal(
      asManager().admin.orders.refund({
        orderId,
        lines: [{ variantId: shirt.id, quantity: 2 }],
        idempotencyKey: key(),
      }),
    );
    expect(over.code).toBe("BAD_REQUEST");
    expect(over.message).toBe(
      "lines.0.quantity: at most 1 of " + shirt.sku + " can be refunded (2 ordered, 1 refunded)",
    );
    expect(await f.db.prisma.ordersOutbox.count()).toBe(outbox);

    // The rest of the line, not restocked.
    await asManager().admin.orders.refund({
      orderId,
      lines: [{ variantId: shirt.id, quantity: 1 }],
      idempotencyKey: key(),
    });
    const second = await settled(orderId, 3000);
    expect(second.refundedUnits).toEqual({ [shirt.id]: 2 });
    expect(workers.refunded.get(orderId)).toBe(3000);
    expect(restocks).toHaveLength(1);
    expect(await onHand(berlin, shirt.id)).toBe(6);
    expect(await onHand(paris, marker)).toBe(1);

    const none = await refusal(
      asManager().admin.orders.refund({
        orderId,
        lines: [{ variantId: shirt.id, quantity: 1 }],
        idempotencyKey: key(),
      }),
    );
    expect(none.message).toMatch(/^lines\.0\.quantity: every unit of .* has been refunded already$/);
  });

  it("names the field of bad input and changes nothing", async () => {
    const { orderId, shirt, mug } = await deliveredOrder();
    const outbox = await f.db.prisma.ordersOutbox.count();
    const bad = async (input: Record<string, unknown>) =>
      refusal(
        asManager().admin.orders.refund({ orderId, idempotencyKey: key(), ...input } as Parameters<
          ReturnType<typeof asManager>["admin"]["orders"]["refund"]
        >[0]),
      );
    const cases: [Record<string, unknown>, RegExp][] = [
      [{ lines: [{ variantId: shirt.id, quantity: 0 }] }, /lines\.0\.quantity: must be at least 1/],
      [
        { lines: [{ variantId: randomUUID(), quantity: 1 }] },
        /^lines\.0\.variantId: this order has no such line$/,
      ],
      [{ lines: [{ variantId: mug.id, quantity: 2 }] }, /^lines\.0\.quantity: at most 1 of /],
      [
        { lines: [{ variantId: mug.id, quantity: 1 }], restock: { locationId: "berlin" } },
        /restock\.locationId: must be a stock location id/,
      ],
      [{ amount: 100, lines: [{ variantId: mug.id, quantity: 1 }] }, /lines: cannot be given with an amount/],
      [{ amount: 100, restock: { locationId: berlin } }, /restock: needs lines/],
      [{}, /amount: is required \(or name lines to refund\)/],
    ];
    for (const [input, message] of cases) {
      const refused = await bad(input);
      expect(refused.code).toBe("BAD_REQUEST");
      expect(said(refused)).toMatch(message);
    }
    expect(await f.db.prisma.ordersOutbox.count()).toBe(outbox);
    const order = await asManager().admin.orders.get({ orderId });
    expect(order.payment.refunded + order.payment.refundPending).toBe(0);
    expect(order.refundedUnits).toEqual({});
  });
});
