// The orders service through its tRPC procedures, on PGlite and PostgreSQL, with in-process buses and
// scripted workers: carts, checkout with idempotency keys, the saga to DELIVERED and its compensations,
// live status, and bad input answered with a 4xx that changes nothing.
import { randomUUID } from "node:crypto";
import type { TRPCError } from "@trpc/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testDatabaseTargets } from "@emporium/db/testing";
import { waitFor } from "@emporium/testkit";
import { paymentProviderStatusConsumer } from "../src/consumers/payment-provider-status";
import {
  createOrdersFixture,
  scriptWorkers,
  type OrdersFixture,
  address,
  idempotencyKey as key,
} from "./fixture";
import { refusal } from "@emporium/service-kit/testing";
import { createEnvelope, stockReleasedV1, TOPICS } from "@emporium/contracts";
import type { Principal } from "@emporium/auth";
import { TEST_PRINCIPALS } from "@emporium/auth/testing";

async function expectCode(promise: Promise<unknown>, code: TRPCError["code"], message?: RegExp) {
  const err = await refusal(promise, code);
  if (message) expect(err.message).toMatch(message);
}

describe.each(testDatabaseTargets("orders service"))("orders on $name", (target) => {
  let f: OrdersFixture;
  const stock = new Map<string, number>();
  let workers: ReturnType<typeof scriptWorkers>;

  beforeAll(async () => {
    f = await createOrdersFixture(target);
    workers = scriptWorkers(f.events, f.commands, stock);
    await workers.start();
  });
  afterAll(() => f?.dispose());

  async function cartWith(units: { price: number; quantity: number; stock?: number }[]) {
    let token: string | undefined;
    for (const u of units) {
      const v = f.catalog.add(u.price, u.stock ?? 50);
      stock.set(v.id, u.stock ?? 50);
      token = (
        await f.caller.cart.addLine({
          ...(token ? { cartToken: token } : {}),
          variantId: v.id,
          quantity: u.quantity,
        })
      ).token;
    }
    return token ?? "";
  }

  it("keeps a cart of price snapshots with live stock hints", async () => {
    const a = f.catalog.add(2500, 3);
    const first = await f.caller.cart.addLine({ variantId: a.id, quantity: 2 });
    expect(first.lines).toMatchObject([
      { variantId: a.id, quantity: 2, unitPrice: 2500, lineTotal: 5000, available: 3 },
    ]);
    await expectCode(
      f.caller.cart.addLine({ cartToken: first.token, variantId: a.id, quantity: 2 }),
      "BAD_REQUEST",
      /quantity: only 3/,
    );
    a.price = 2700;
    const again = await f.caller.cart.get({ cartToken: first.token });
    expect(again.lines[0]).toMatchObject({ unitPrice: 2500, currentPrice: 2700 });
    f.catalog.down = true;
    const degraded = await f.caller.cart.get({ cartToken: first.token });
    expect(degraded).toMatchObject({ degraded: true, subtotal: 5000 });
    await expectCode(
      f.caller.cart.addLine({ cartToken: first.token, variantId: a.id, quantity: 1 }),
      "SERVICE_UNAVAILABLE",
    );
    f.catalog.down = false;
    const emptied = await f.caller.cart.setQuantity({ cartToken: first.token, variantId: a.id, quantity: 0 });
    expect(emptied.lines).toEqual([]);
  });

  it("answers bad cart and checkout input with a 4xx naming the field, storing nothing", async () => {
    const orders = await f.db.prisma.order.count();
    await expectCode(
      f.caller.cart.addLine({ variantId: randomUUID(), quantity: 1 }),
      "BAD_REQUEST",
      /variantId/,
    );
    await expectCode(
      f.caller.cart.addLine({ variantId: randomUUID(), quantity: 0 }),
      "BAD_REQUEST",
      /quantity/,
    );
    await expectCode(
      f.caller.cart.addLine({ variantId: randomUUID(), quantity: 1_000_000_000 }),
      "BAD_REQUEST",
      /quantity/,
    );
    await expectCode(f.caller.cart.get({ cartToken: "forged.token-value" }), "BAD_REQUEST", /cartToken/);
    // A product priced in another currency never joins a cart, whose amounts are all the shop's.
    const yen = f.catalog.add(1000, 5);
    f.catalog.items.set(yen.id, { ...yen, currency: "JPY" });
    await expectCode(
      f.caller.cart.addLine({ variantId: yen.id, quantity: 1 }),
      "BAD_REQUEST",
      /variantId: is priced in JPY, and this shop sells in USD only/,
    );
    const token = await cartWith([{ price: 1000, quantity: 1 }]);
    const good = {
      cartToken: token,
      email: "ada@example.com",
      shippingAddress: address,
      shippingMethod: "standard" as const,
      paymentToken: "tok_abcdefgh12345678",
    };
    const cases: [object, RegExp][] = [
      [{ email: "not-an-email" }, /email/],
      [{ shippingAddress: { ...address, country: "Britain" } }, /country/],
      [{ shippingAddress: { ...address, postalCode: "!" } }, /postalCode/],
      [{ shippingMethod: "teleport" }, /shippingMethod/],
      [{ paymentToken: "4242424242424242" }, /paymentToken/],
      // PostgreSQL cannot store a NUL character: refused as input, not failed in the database.
      [
        { shippingAddress: { ...address, name: "Ada\u0000Lovelace" } },
        /shippingAddress\.name: must not contain a NUL/,
      ],
    ];
    for (const [change, message] of cases)
      await expectCode(
        f.caller.checkout.placeOrder({ ...good, ...change, idempotencyKey: key() } as typeof good),
        "BAD_REQUEST",
        message,
      );
    await expectCode(f.caller.checkout.placeOrder({ ...good }), "BAD_REQUEST", /Idempotency-Key/);
    expect(await f.db.prisma.order.count()).toBe(orders);
  });

  it("takes an order from cart to DELIVERED, streaming each status live", async () => {
    const token = await cartWith([
      { price: 1999, quantity: 2 },
      { price: 4500, quantity: 1 },
    ]);
    const placed = await f.caller.checkout.placeOrder({
      cartToken: token,
      email: "ada@example.com",
      shippingAddress: address,
      shippingMethod: "standard",
      paymentToken: "tok_abcdefgh12345678",
      idempotencyKey: key(),
    });
    expect(placed).toMatchObject({ status: "PENDING", replayed: false });
    const seen: string[] = [];
    const stream = await f.caller.order.watch({ orderId: placed.orderId, accessToken: placed.accessToken });
    for await (const view of stream) {
      if (seen[seen.length - 1] !== view.status) seen.push(view.status);
      if (view.status === "DELIVERED" || view.status === "CANCELLED") break;
    }
    expect(seen[seen.length - 1]).toBe("DELIVERED");
    const order = await f.caller.order.get({ orderId: placed.orderId, accessToken: placed.accessToken });
    expect(order).toMatchObject({
      status: "DELIVERED",
      total: 1999 * 2 + 4500,
      shippingTotal: 0,
      carrier: "DHL",
      trackingNumber: "JD0001",
    });
    expect(order.timeline.map((t) => t.code)).toEqual(
      expect.arrayContaining([
        "order.placed",
        "stock.reserved",
        "payment.authorized",
        "order.confirmed",
        "fulfillment.shipped",
        "payment.captured",
        "order.delivered",
      ]),
    );
    // The cart is spent.
    await expectCode(f.caller.cart.get({ cartToken: token }), "BAD_REQUEST", /already checked out/);
    // Guests find it by number and email; a wrong email finds nothing.
    const found = await f.caller.order.lookup({
      number: order.number.toLowerCase(),
      email: "ADA@example.com",
    });
    expect(found.orderId).toBe(order.id);
    await expectCode(f.caller.order.lookup({ number: order.number, email: "eve@example.com" }), "NOT_FOUND");
    await expectCode(f.caller.order.get({ orderId: order.id, accessToken: "x".repeat(32) }), "NOT_FOUND");
    const refused = await f.caller.order.watch({ orderId: order.id, accessToken: "x".repeat(32) });
    await expectCode(
      (async () => {
        for await (const _ of refused) return;
      })(),
      "NOT_FOUND",
    );
  });

  it("turns fifty concurrent placeOrder calls with one key into one order", async () => {
    const token = await cartWith([{ price: 1500, quantity: 1 }]);
    const idempotencyKey = key();
    const body = {
      cartToken: token,
      email: "grace@example.com",
      shippingAddress: address,
      shippingMethod: "express" as const,
      paymentToken: "tok_abcdefgh12345678",
    };
    const results = await Promise.all(
      Array.from({ length: 50 }, () => f.callerWithKey(idempotencyKey).checkout.placeOrder(body)),
    );
    expect(new Set(results.map((r) => r.orderId)).size).toBe(1);
    expect(results.filter((r) => !r.replayed)).toHaveLength(1);
    expect(await f.db.prisma.order.count({ where: { email: "grace@example.com" } })).toBe(1);
    await expectCode(
      f.callerWithKey(idempotencyKey).checkout.placeOrder({ ...body, email: "someone-else@example.com" }),
      "CONFLICT",
      /different request/,
    );
  });

  it("cancels a declined order with the reason and gives the stock back", async () => {
    const token = await cartWith([{ price: 999, quantity: 1 }]);
    const placed = await f.caller.checkout.placeOrder({
      cartToken: token,
      email: "eve@example.com",
      shippingAddress: address,
      shippingMethod: "standard",
      paymentToken: "tok_declined000000",
      idempotencyKey: key(),
    });
    workers.cards.set(placed.orderId, "decline");
    const order = await waitFor(
      async () => {
        const o = await f.caller.order.get({ orderId: placed.orderId, accessToken: placed.accessToken });
        return o.status === "CANCELLED" ? o : null;
      },
      { what: "the declined order to be cancelled" },
    );
    expect(order.cancelReason).toMatch(/Payment declined: the card was declined/);
    await waitFor(() => workers.sent.includes(`inventory.release:${placed.orderId}`), {
      what: "the release command",
    });
  });

  describe("a card refused at the storefront's checkout", () => {
    const manager = TEST_PRINCIPALS.manager as Principal;
    const PAID: readonly string[] = ["CONFIRMED", "SHIPPED", "DELIVERED"];
    const listed = async (email: string) =>
      (await f.callerAs(manager).admin.orders.list({ q: email })).items.map((o) => o.id);
    const asShopper = (cartToken: string, paymentToken: string, email: string) => ({
      cartToken,
      email,
      shippingAddress: address,
      shippingMethod: "standard" as const,
      paymentToken,
      idempotencyKey: key(),
      holdOnDecline: true,
    });
    const opened = ({ orderId, accessToken }: { orderId: string; accessToken: string }) => ({
      orderId,
      accessToken,
    });
    const todaysSales = async () => {
      const today = (await f.callerAs(manager).admin.dashboard.sales({ days: 7 })).byDay.at(-1);
      return { orders: today?.orders ?? 0, sales: today?.sales ?? 0 };
    };
    const awaiting = (placed: { orderId: string; accessToken: string }) =>
      waitFor(
        async () => {
          const o = await f.caller.order.get(opened(placed));
          return o.awaitingPayment ? o : null;
        },
        { what: "the order to wait for another card" },
      );

    it("holds the order and its stock, opens the cart again, and pays the same order with the next card", async () => {
      const email = `hold-${randomUUID().slice(0, 8)}@example.com`;
      const token = await cartWith([{ price: 1200, quantity: 2, stock: 3 }]);
      const [variantId] = [...stock.keys()].slice(-1);
      workers.tokenCards.set("tok_refusedcard0001", "decline");
      const salesBefore = await todaysSales();
      const placed = await f.caller.checkout.placeOrder(asShopper(token, "tok_refusedcard0001", email));

      const held = await awaiting(placed);
      expect(held).toMatchObject({
        status: "PENDING",
        awaitingPayment: "Payment declined — the card was declined",
      });
      // The stock stays reserved, the cart is open with its lines, and the merchant lists no order.
      expect(stock.get(variantId ?? "")).toBe(1);
      expect(workers.sent).not.toContain(`inventory.release:${placed.orderId}`);
      const cart = await f.caller.cart.get({ cartToken: token });
      expect(cart.lines.map((l) => [l.variantId, l.quantity])).toEqual([[variantId, 2]]);
      expect(await listed(email)).toEqual([]);
      // Nor does it count in the dashboard's sales or make her a customer.
      expect(await todaysSales()).toEqual(salesBefore);
      expect((await f.callerAs(manager).admin.customers.list({ q: email })).items).toEqual([]);

      const again = await f.caller.checkout.placeOrder(asShopper(token, "tok_goodcard00000001", email));
      expect(again).toMatchObject({ orderId: placed.orderId, number: placed.number, replayed: false });
      await waitFor(async () => PAID.includes((await f.caller.order.get(opened(placed))).status), {
        what: "the order paid with the second card to be confirmed",
      });
      expect(workers.sent.filter((s) => s === `payment.authorize:${placed.orderId}`)).toHaveLength(2);
      expect(stock.get(variantId ?? "")).toBe(1);
      // Paid: the cart became the order, and the merchant sees it, once.
      await expectCode(f.caller.cart.get({ cartToken: token }), "BAD_REQUEST", /already checked out/);
      expect(await listed(email)).toEqual([placed.orderId]);
      expect(await f.db.prisma.order.count({ where: { email } })).toBe(1);
      const { total } = await f.caller.order.get(opened(placed));
      expect(await todaysSales()).toEqual({
        orders: salesBefore.orders + 1,
        sales: salesBefore.sales + total,
      });
      const customers = await f.callerAs(manager).admin.customers.list({ q: email });
      expect(customers.items.map((c) => [c.email, c.orderCount, c.totalSpent])).toEqual([[email, 1, total]]);
    });

    it("cancels an order still being paid for when its hold expires, releasing the stock and giving the cart back", async () => {
      const email = `expired-${randomUUID().slice(0, 8)}@example.com`;
      const token = await cartWith([{ price: 700, quantity: 1, stock: 4 }]);
      workers.tokenCards.set("tok_slowcard0000001", "hold");
      const placed = await f.caller.checkout.placeOrder(asShopper(token, "tok_slowcard0000001", email));
      await waitFor(() => workers.sent.includes(`payment.authorize:${placed.orderId}`), {
        what: "the authorization to be asked for",
      });
      // The cart is the order's while its card is being answered.
      await expectCode(f.caller.cart.get({ cartToken: token }), "BAD_REQUEST", /already checked out/);

      // The reservation runs out (inventory's expiry sweep says so).
      await f.events.publish([
        {
          topic: TOPICS.inventory,
          envelope: createEnvelope(stockReleasedV1, placed.orderId, {
            orderId: placed.orderId,
            reason: "expired",
          }),
        },
      ]);
      await waitFor(async () => (await f.caller.order.get(opened(placed))).status === "CANCELLED", {
        what: "the expired order to be cancelled",
      });
      expect((await f.caller.cart.get({ cartToken: token })).lines).toHaveLength(1);
      expect(await listed(email)).toEqual([]);
    });

    it("cancels the held order, giving its stock back, when the shopper checks out a changed cart", async () => {
      const email = `changed-${randomUUID().slice(0, 8)}@example.com`;
      const token = await cartWith([{ price: 800, quantity: 1, stock: 5 }]);
      const [variantId] = [...stock.keys()].slice(-1);
      workers.tokenCards.set("tok_refusedcard0002", "decline");
      const placed = await f.caller.checkout.placeOrder(asShopper(token, "tok_refusedcard0002", email));
      await awaiting(placed);
      await f.caller.cart.setQuantity({ cartToken: token, variantId: variantId ?? "", quantity: 2 });

      const fresh = await f.caller.checkout.placeOrder(asShopper(token, "tok_goodcard00000002", email));
      expect(fresh.orderId).not.toBe(placed.orderId);
      await waitFor(async () => (await f.caller.order.get(opened(placed))).status === "CANCELLED", {
        what: "the held order to be cancelled",
      });
      await waitFor(async () => PAID.includes((await f.caller.order.get(opened(fresh))).status), {
        what: "the new order to be confirmed",
      });
      expect(workers.sent).toContain(`inventory.release:${placed.orderId}`);
      expect(stock.get(variantId ?? "")).toBe(3);
      expect(await listed(email)).toEqual([fresh.orderId]);
    });
  });

  it("cancels an order whose items sold out, saying which", async () => {
    const token = await cartWith([{ price: 500, quantity: 2, stock: 2 }]);
    const [variantId] = [...stock.keys()].slice(-1);
    stock.set(variantId ?? "", 1);
    const placed = await f.caller.checkout.placeOrder({
      cartToken: token,
      email: "kim@example.com",
      shippingAddress: address,
      shippingMethod: "standard",
      paymentToken: "tok_abcdefgh12345678",
      idempotencyKey: key(),
    });
    const order = await waitFor(
      async () => {
        const o = await f.caller.order.get({ orderId: placed.orderId, accessToken: placed.accessToken });
        return o.status === "CANCELLED" ? o : null;
      },
      { what: "the order to be cancelled" },
    );
    expect(order.cancelReason).toMatch(/Out of stock: SKU-.* is out of stock/);
  });

  it("refuses checkout up front while payments are unavailable", async () => {
    const token = await cartWith([{ price: 500, quantity: 1 }]);
    await paymentProviderStatusConsumer(f.service.base.payments)(
      {
        id: randomUUID(),
        type: "payment.provider-status.v1",
        occurredAt: new Date().toISOString(),
        aggregateId: "psp",
        data: { available: false, reason: "circuit open" },
      },
      { source: "payments", attempt: 1 },
    );
    const orders = await f.db.prisma.order.count();
    await expectCode(
      f.caller.checkout.placeOrder({
        cartToken: token,
        email: "x@example.com",
        shippingAddress: address,
        shippingMethod: "standard",
        paymentToken: "tok_abcdefgh12345678",
        idempotencyKey: key(),
      }),
      "SERVICE_UNAVAILABLE",
      /Payments are temporarily unavailable/,
    );
    expect(await f.db.prisma.order.count()).toBe(orders);
    await paymentProviderStatusConsumer(f.service.base.payments)(
      {
        id: randomUUID(),
        type: "payment.provider-status.v1",
        occurredAt: new Date().toISOString(),
        aggregateId: "psp",
        data: { available: true, reason: "recovered" },
      },
      { source: "payments", attempt: 1 },
    );
    const placed = await f.caller.checkout.placeOrder({
      cartToken: token,
      email: "x@example.com",
      shippingAddress: address,
      shippingMethod: "standard",
      paymentToken: "tok_abcdefgh12345678",
      idempotencyKey: key(),
    });
    expect(placed.status).toBe("PENDING");
  });
});
