// The orders service's staff procedures on PGlite and PostgreSQL, with in-process buses and scripted
// workers: listing and searching orders and customers, cancelling and refunding through the saga
// (stock released, refunds recorded, over-refunds refused with nothing changed, a double-clicked
// refund paid once), each staff change audited in its own transaction (and no refusal), bad input named
// by field, signed tokens over HTTP, and the authorization walk.
import { randomBytes, randomUUID } from "node:crypto";
import { TRPCError } from "@trpc/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { signServiceToken, type Principal } from "@emporium/auth";
import {
  summarizeMatrix,
  TEST_PRINCIPALS,
  walkPermissionMatrix,
  type GuardedProcedure,
} from "@emporium/auth/testing";
import { QUEUES, TOPICS } from "@emporium/contracts";
import { testDatabaseTargets } from "@emporium/db/testing";
import { InProcessCommandBus, InProcessEventBus } from "@emporium/messaging";
import { auditEventsIn } from "@emporium/messaging/testing";
import { createServiceMetrics } from "@emporium/observability";
import { waitFor } from "@emporium/testkit";
import { createOrdersClient } from "../src/client";
import { ordersRouter } from "../src/api/router/_app";
import { createOrdersService } from "../src/service";
import {
  createOrdersFixture,
  FakeCatalog,
  log,
  ordersLimits,
  scriptWorkers,
  type OrdersFixture,
  address,
  idempotencyKey as key,
} from "./fixture";
import { refusal } from "@emporium/service-kit/testing";

const manager = TEST_PRINCIPALS.manager as Principal;
const support = TEST_PRINCIPALS.support as Principal;
const shopper = TEST_PRINCIPALS.shopper as Principal;

/** A staff principal as an audit event names its actor. */
function actorOf(p: Principal) {
  if (p.kind !== "staff") throw new Error("not a staff principal");
  return { userId: p.userId, email: p.email, role: p.role };
}

describe.each(testDatabaseTargets("orders admin procedures"))("orders admin on $name", (target) => {
  let f: OrdersFixture;
  const stock = new Map<string, number>();
  let workers: ReturnType<typeof scriptWorkers>;
  const asManager = () => f.callerAs(manager);

  beforeAll(async () => {
    f = await createOrdersFixture(target);
    workers = scriptWorkers(f.events, f.commands, stock);
    await workers.start();
  });
  afterAll(() => f?.dispose());

  /** Places an order for one new variant. */
  async function place(o: { email?: string; price?: number; quantity?: number } = {}) {
    const v = f.catalog.add(o.price ?? 2000, 20);
    stock.set(v.id, 20);
    const cart = await f.caller.cart.addLine({ variantId: v.id, quantity: o.quantity ?? 1 });
    const placed = await f.caller.checkout.placeOrder({
      cartToken: cart.token,
      email: o.email ?? "ada@example.com",
      shippingAddress: address,
      shippingMethod: "standard",
      paymentToken: "tok_abcdefgh12345678",
      idempotencyKey: key(),
    });
    return { ...placed, variantId: v.id };
  }

  async function statusOf(orderId: string, wanted: string) {
    return waitFor(
      async () => {
        const o = await asManager().admin.orders.get({ orderId });
        return o.status === wanted ? o : null;
      },
      { what: `order ${orderId} to be ${wanted}` },
    );
  }

  it("sums sales, orders and average order value per day, cancelled orders left out", async () => {
    await place({ price: 4_000 });
    const summary = await asManager().admin.dashboard.sales({ days: 7 });
    expect(summary.byDay).toHaveLength(7);
    expect(summary.byDay.at(-1)?.day).toBe(new Date().toISOString().slice(0, 10));
    // Today's row agrees with the orders table itself.
    const since = new Date(`${new Date().toISOString().slice(0, 10)}T00:00:00Z`);
    const today = await f.db.prisma.order.findMany({
      where: { createdAt: { gte: since }, status: { not: "CANCELLED" }, currency: "USD" },
      select: { total: true },
    });
    expect(summary.byDay.at(-1)).toMatchObject({
      orders: today.length,
      sales: today.reduce((n, o) => n + o.total, 0),
    });
    expect(summary.totals.orders).toBe(summary.byDay.reduce((n, d) => n + d.orders, 0));
    expect(summary.totals.sales).toBe(summary.byDay.reduce((n, d) => n + d.sales, 0));
    expect(summary.totals.averageOrderValue).toBe(Math.round(summary.totals.sales / summary.totals.orders));
    expect(summary.previous.orders).toBe(0);
    expect(summary.previousByDay).toHaveLength(7);
    expect(summary.previousByDay.every((d) => d.orders === 0)).toBe(true);
    expect((await asManager().admin.dashboard.sales({})).byDay).toHaveLength(30);
    const bad = await asManager()
      .admin.dashboard.sales({ days: 12 })
      .catch((e: unknown) => e);
    expect(bad).toBeInstanceOf(TRPCError);
    expect((bad as TRPCError).message).toMatch(/days/);
  });

  it("lists orders newest first with filters, search and a total", async () => {
    const email = `list-${randomUUID().slice(0, 8)}@example.com`;
    const first = await place({ email });
    const second = await place({ email: email.toUpperCase() });
    await statusOf(first.orderId, "DELIVERED");
    await statusOf(second.orderId, "DELIVERED");
    const byEmail = await asManager().admin.orders.list({ q: email.slice(0, 13) });
    expect(byEmail.total).toBe(2);
    expect(byEmail.items.map((i) => i.id)).toEqual([second.orderId, first.orderId]);
    const byNumber = await asManager().admin.orders.list({ q: first.number.toLowerCase() });
    expect(byNumber.items.map((i) => i.number)).toEqual([first.number]);
    const delivered = await asManager().admin.orders.list({ status: "DELIVERED", q: email, limit: 1 });
    expect(delivered).toMatchObject({ page: 1, pageCount: 2, total: 2 });
    expect(delivered.items).toHaveLength(1);
    const tomorrow = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
    expect((await asManager().admin.orders.list({ q: email, from: tomorrow })).total).toBe(0);
    const today = new Date().toISOString().slice(0, 10);
    expect((await asManager().admin.orders.list({ q: email, from: today, to: today })).total).toBe(2);
    expect((await asManager().admin.orders.list({ q: "no-such-customer-anywhere" })).items).toEqual([]);

    const customers = await asManager().admin.customers.list({ q: email });
    expect(customers.items).toEqual([
      expect.objectContaining({ email, orderCount: 2, totalSpent: 5000, currency: "USD" }),
    ]);
    const customer = await asManager().admin.customers.get({ email: email.toUpperCase() });
    expect(customer.orders.map((o) => o.number)).toEqual([second.number, first.number]);
  });

  it("cancels an order awaiting payment through the saga, giving its stock back", async () => {
    const v = f.catalog.add(1500, 10);
    stock.set(v.id, 10);
    const cart = await f.caller.cart.addLine({ variantId: v.id, quantity: 3 });
    const placed = await f.caller.checkout.placeOrder({
      cartToken: cart.token,
      email: "hold@example.com",
      shippingAddress: address,
      shippingMethod: "standard",
      paymentToken: "tok_abcdefgh12345678",
      idempotencyKey: key(),
    });
    // The provider never answers this card, so the order waits with its stock reserved.
    workers.cards.set(placed.orderId, "hold");
    await waitFor(() => (stock.get(v.id) === 7 ? true : null), { what: "the stock to be reserved" });
    const order = await asManager().admin.orders.get({ orderId: placed.orderId });
    expect(order.cancelBlockedBy).toBeNull();

    const cancelled = await f
      .callerAs(support)
      .admin.orders.cancel({ orderId: placed.orderId, reason: "customer changed their mind" });
    expect(cancelled).toEqual({ orderId: placed.orderId, status: "CANCELLED" });
    await waitFor(() => (stock.get(v.id) === 10 ? true : null), { what: "the stock to come back" });
    const after = await asManager().admin.orders.get({ orderId: placed.orderId });
    expect(after).toMatchObject({
      status: "CANCELLED",
      cancelReason: "customer changed their mind",
      cancelBlockedBy: expect.stringMatching(/already cancelled/),
    });
    expect(after.timeline.map((t) => t.code)).toEqual(
      expect.arrayContaining(["staff.cancelled", "order.cancelled"]),
    );
    const again = await refusal(asManager().admin.orders.cancel({ orderId: placed.orderId }));
    expect(again.code).toBe("CONFLICT");
    expect(again.message).toMatch(/already cancelled/);
  });

  it("cancels a confirmed order, voiding its authorization", async () => {
    const v = f.catalog.add(3000, 10);
    stock.set(v.id, 10);
    const cart = await f.caller.cart.addLine({ variantId: v.id, quantity: 1 });
    const placed = await f.caller.checkout.placeOrder({
      cartToken: cart.token,
      email: "confirmed@example.com",
      shippingAddress: address,
      shippingMethod: "standard",
      paymentToken: "tok_abcdefgh12345678",
      idempotencyKey: key(),
    });
    workers.holdShipping.add(placed.orderId);
    await statusOf(placed.orderId, "CONFIRMED");
    await asManager().admin.orders.cancel({ orderId: placed.orderId, reason: "suspected fraud" });
    await waitFor(() => (workers.refunded.get(placed.orderId) === 3500 ? true : null), {
      what: "the authorization to be voided",
    });
    expect(workers.sent).toContain(`inventory.release:${placed.orderId}`);
    const after = await statusOf(placed.orderId, "CANCELLED");
    expect(after.payment.state).toBe("voided");
  });

  it("refunds a delivered order in parts through the saga, refusing more than was captured", async () => {
    // 2 × $40.00 ships free: $80.00 captured.
    const placed = await place({ price: 4000, quantity: 2 });
    const delivered = await statusOf(placed.orderId, "DELIVERED");
    expect(delivered.cancelBlockedBy).toMatch(/handed to the carrier/);
    expect((await refusal(asManager().admin.orders.cancel({ orderId: placed.orderId }))).code).toBe(
      "CONFLICT",
    );
    expect(delivered.payment).toMatchObject({ state: "captured", captured: 8000, refundable: 8000 });

    // A double click: two requests with one key pay out once.
    const once = key();
    const [a, b] = await Promise.all([
      asManager().admin.orders.refund({ orderId: placed.orderId, amount: 1200, idempotencyKey: once }),
      asManager().admin.orders.refund({ orderId: placed.orderId, amount: 1200, idempotencyKey: once }),
    ]);
    expect([a.replayed, b.replayed].sort()).toEqual([false, true]);
    const partial = await waitFor(
      async () => {
        const o = await asManager().admin.orders.get({ orderId: placed.orderId });
        return o.payment.refunded === 1200 && o.payment.refundPending === 0 ? o : null;
      },
      { what: "the partial refund to be recorded" },
    );
    expect(workers.refunded.get(placed.orderId)).toBe(1200);
    expect(partial.payment).toMatchObject({ state: "partially_refunded", refundable: 6800 });
    expect(partial.status).toBe("DELIVERED");
    expect(partial.timeline.map((t) => t.message)).toEqual(
      expect.arrayContaining(["Refund of $12.00 requested", "Refunded $12.00"]),
    );
    // The same key for another amount is not a replay.
    expect(
      (
        await refusal(
          asManager().admin.orders.refund({ orderId: placed.orderId, amount: 100, idempotencyKey: once }),
        )
      ).code,
    ).toBe("CONFLICT");

    // Over-refund: a 400 naming the field, and nothing written.
    const outbox = await f.db.prisma.ordersOutbox.count();
    const timeline = await f.db.prisma.orderTimelineEntry.count({ where: { orderId: placed.orderId } });
    const over = await refusal(
      asManager().admin.orders.refund({ orderId: placed.orderId, amount: 6801, idempotencyKey: key() }),
    );
    expect(over.code).toBe("BAD_REQUEST");
    expect(over.message).toMatch(/^amount: at most \$68\.00 can be refunded/);
    expect(await f.db.prisma.ordersOutbox.count()).toBe(outbox);
    expect(await f.db.prisma.orderTimelineEntry.count({ where: { orderId: placed.orderId } })).toBe(timeline);

    await asManager().admin.orders.refund({ orderId: placed.orderId, amount: 6800, idempotencyKey: key() });
    const full = await waitFor(
      async () => {
        const o = await asManager().admin.orders.get({ orderId: placed.orderId });
        return o.payment.state === "refunded" ? o : null;
      },
      { what: "the full refund to be recorded" },
    );
    expect(full.payment).toMatchObject({ refunded: 8000, refundable: 0 });
    expect(workers.refunded.get(placed.orderId)).toBe(8000);
    expect(
      (
        await refusal(
          asManager().admin.orders.refund({ orderId: placed.orderId, amount: 1, idempotencyKey: key() }),
        )
      ).code,
    ).toBe("CONFLICT");
    const list = await asManager().admin.orders.list({ q: placed.number });
    expect(list.items[0]?.refunded).toBe(8000);
  });

  it("audits each staff change once, in the transaction that makes it, and no refusal", async () => {
    const published: string[] = [];
    const subscription = await f.events.subscribe({
      group: `audit-test-${randomUUID()}`,
      topics: [TOPICS.audit],
      fromBeginning: true,
      handle: async (e) => void published.push(e.id),
    });
    const auditOf = (orderId: string) => auditEventsIn(f.db, "orders", { type: "order", id: orderId });
    const auditCount = async () => (await auditEventsIn(f.db, "orders")).length;
    /** Refused with `code`, and no audit event written anywhere. */
    const refusedUnaudited = async (call: () => Promise<unknown>, code: Parameters<typeof refusal>[1]) => {
      const before = await auditCount();
      await refusal(call(), code);
      expect(await auditCount()).toBe(before);
    };

    // A cancellation: the status and reason it changed, by whom, in which request and trace.
    const open = await place({ email: "audit@example.com" });
    workers.holdShipping.add(open.orderId);
    await statusOf(open.orderId, "CONFIRMED");
    await refusedUnaudited(
      () => f.callerAs(shopper).admin.orders.cancel({ orderId: open.orderId, reason: "x" }),
      "FORBIDDEN",
    );
    await refusedUnaudited(
      () => f.callerAs(support).admin.orders.cancel({ orderId: randomUUID(), reason: "x" }),
      "NOT_FOUND",
    );
    await f
      .callerAs(support, undefined, "req-audit-cancel")
      .admin.orders.cancel({ orderId: open.orderId, reason: "customer asked by phone" });
    const [cancelled, ...moreCancels] = await auditOf(open.orderId);
    expect(moreCancels).toEqual([]);
    expect(cancelled?.aggregateId).toBe(`order:${open.orderId}`);
    expect(cancelled?.data).toEqual({
      service: "orders",
      actor: actorOf(support),
      action: "order.cancelled",
      target: { type: "order", id: open.orderId, label: open.number },
      changes: [
        { field: "status", before: "CONFIRMED", after: "CANCELLED" },
        { field: "cancelReason", before: null, after: "customer asked by phone" },
      ],
      reason: "customer asked by phone",
      requestId: "req-audit-cancel",
      traceId: "0af7651916cd43dd8448eb211c80319c",
    });
    // Written by the statement that cancelled the order: the same transaction time as its status event.
    const rows = await f.db.prisma.ordersOutbox.findMany({
      where: { aggregateId: { in: [open.orderId, `order:${open.orderId}`] } },
      orderBy: { seq: "asc" },
    });
    const cancelRow = rows.find((r) => r.id === cancelled?.id);
    const statusRow = rows.find(
      (r) =>
        r.type === "order.status-changed.v1" &&
        (r.payload as { data?: { to?: string } }).data?.to === "CANCELLED",
    );
    expect(cancelRow?.createdAt).toEqual(statusRow?.createdAt);
    await refusedUnaudited(
      () => f.callerAs(support).admin.orders.cancel({ orderId: open.orderId, reason: "again" }),
      "CONFLICT",
    );

    // Refunds: the amount and the refunded total before and with it, in cents; a replay is not audited.
    const paid = await place({ price: 4000, quantity: 2 });
    await statusOf(paid.orderId, "DELIVERED");
    await refusedUnaudited(
      () =>
        f
          .callerAs(support)
          .admin.orders.refund({ orderId: paid.orderId, amount: 100, idempotencyKey: key() }),
      "FORBIDDEN",
    );
    const once = key();
    const refundAs = (requestId: string, amount: number, idempotencyKey = key()) =>
      f
        .callerAs(manager, undefined, requestId)
        .admin.orders.refund({ orderId: paid.orderId, amount, reason: "arrived damaged", idempotencyKey });
    await refundAs("req-audit-refund-1", 1200, once);
    expect((await refundAs("req-audit-refund-1b", 1200, once)).replayed).toBe(true);
    await waitFor(
      async () =>
        (await asManager().admin.orders.get({ orderId: paid.orderId })).payment.refunded === 1200
          ? true
          : null,
      { what: "the first refund to be recorded" },
    );
    await refusedUnaudited(() => refundAs("req-audit-over", 6801), "BAD_REQUEST");
    await refusedUnaudited(() => refundAs("req-audit-zero", 0), "BAD_REQUEST");
    await refusedUnaudited(
      () =>
        f
          .callerAs(manager)
          .admin.orders.refund({ orderId: randomUUID(), amount: 100, idempotencyKey: key() }),
      "NOT_FOUND",
    );
    await refundAs("req-audit-refund-2", 800);
    const refunds = await auditOf(paid.orderId);
    expect(refunds.map((e) => e.data.requestId)).toEqual(["req-audit-refund-1", "req-audit-refund-2"]);
    expect(refunds.map((e) => e.data)).toEqual([
      expect.objectContaining({
        service: "orders",
        actor: actorOf(manager),
        action: "order.refunded",
        target: { type: "order", id: paid.orderId, label: paid.number },
        changes: [
          { field: "refundAmount", before: null, after: 1200 },
          { field: "refundedTotal", before: 0, after: 1200 },
        ],
        reason: "arrived damaged",
      }),
      expect.objectContaining({
        changes: [
          { field: "refundAmount", before: null, after: 800 },
          { field: "refundedTotal", before: 1200, after: 2000 },
        ],
      }),
    ]);

    // The outbox relay publishes them on the audit topic, for the audit log.
    const ids = [cancelled?.id, ...refunds.map((e) => e.id)];
    await waitFor(() => (ids.every((id) => id && published.includes(id)) ? true : null), {
      what: "the audit events to be published",
    });
    await subscription.stop();
  });

  it("answers bad input with a 400 naming the field", async () => {
    // Through the caller a schema error carries zod's issues; over HTTP the same issues read
    // "field: message" (the error formatter). Either way the field and the reason are named.
    const cases: [() => Promise<unknown>, string, RegExp][] = [
      [() => asManager().admin.orders.list({ limit: 1000 }), "limit", /must be at most 100/],
      [() => asManager().admin.orders.list({ page: 0 }), "page", /must be at least 1/],
      [() => asManager().admin.orders.list({ status: "LOST" as "PENDING" }), "status", /Invalid option/],
      [() => asManager().admin.orders.list({ from: "yesterday" }), "from", /must be a date/],
      [
        () => asManager().admin.orders.list({ from: "2026-02-02", to: "2026-01-01" }),
        "to",
        /must not be before from/,
      ],
      [() => asManager().admin.orders.get({ orderId: "42" }), "orderId", /must be an order id/],
      [
        () => asManager().admin.orders.refund({ orderId: randomUUID(), amount: 12.5, idempotencyKey: key() }),
        "amount",
        /must be a whole number of cents/,
      ],
      [
        () => asManager().admin.orders.refund({ orderId: randomUUID(), amount: 0, idempotencyKey: key() }),
        "amount",
        /must be at least 1 cent/,
      ],
      [
        () => asManager().admin.orders.refund({ orderId: randomUUID(), amount: 100 }),
        "idempotencyKey",
        /send an idempotency key/,
      ],
      [() => asManager().admin.customers.get({ email: "nobody" }), "email", /must be an email/],
      [() => asManager().admin.customers.list({ q: "x".repeat(201) }), "q", /must be at most 200/],
    ];
    for (const [call, field, message] of cases) {
      const err = await refusal(call());
      expect(err.code).toBe("BAD_REQUEST");
      expect(err.message).toContain(field);
      expect(err.message).toMatch(message);
    }
    expect((await refusal(asManager().admin.orders.get({ orderId: randomUUID() }))).code).toBe("NOT_FOUND");
    expect((await refusal(asManager().admin.customers.get({ email: "nobody-ever@example.com" }))).code).toBe(
      "NOT_FOUND",
    );
  });

  it("walks every staff procedure × every kind of caller, allowing exactly what the matrix grants", async () => {
    type Caller = ReturnType<OrdersFixture["callerAs"]>;
    const delivered = await place({ price: 100_000 });
    await statusOf(delivered.orderId, "DELIVERED");
    // Each caller cancels an order of its own, so an allowed cancel is never refused as a repeat.
    const cancellable = new Map<Caller, string>();
    const forCancel = async (c: Caller) => {
      let id = cancellable.get(c);
      if (!id) {
        const placed = await place({ email: "walk@example.com" });
        workers.holdShipping.add(placed.orderId);
        id = placed.orderId;
        cancellable.set(c, id);
      }
      return id;
    };
    /** A fresh unreadable command, dead-lettered, for each caller allowed to replay or discard one. */
    const poison = async () => {
      const input = { queue: QUEUES.fulfillmentShip, messageId: randomUUID() };
      await f.commands.sendRaw(input.queue, Buffer.from(JSON.stringify({ id: input.messageId })));
      await waitFor(
        async () => (await f.commands.deadLetters(input.queue)).some((l) => l.messageId === input.messageId),
        { what: "the poison command dead-lettered" },
      );
      return input;
    };
    /** A fresh order waiting on its shipment, placed 20 minutes ago (stuck), for each caller allowed to retry. */
    const stuck = async () => {
      const placed = await place({ email: "walk@example.com" });
      workers.holdShipping.add(placed.orderId);
      await statusOf(placed.orderId, "CONFIRMED");
      await f.db.sql.query(
        `UPDATE orders.orders SET created_at = now() - interval '20 minutes' WHERE id = $1::uuid`,
        [placed.orderId],
      );
      return { orderId: placed.orderId };
    };
    const procedures: Record<string, GuardedProcedure<Caller>> = {
      "admin.orders.list": { permission: "orders.read", call: (c) => c.admin.orders.list({}) },
      "admin.orders.get": {
        permission: "orders.read",
        call: (c) => c.admin.orders.get({ orderId: delivered.orderId }),
      },
      "admin.orders.cancel": {
        permission: "orders.cancel",
        call: async (c) => c.admin.orders.cancel({ orderId: await forCancel(c) }),
      },
      "admin.orders.refund": {
        permission: "orders.refund",
        call: async (c) => {
          const result = await c.admin.orders.refund({
            orderId: delivered.orderId,
            amount: 100,
            idempotencyKey: key(),
          });
          // One refund at a time per order: let this one settle before the next caller's.
          await waitFor(
            async () =>
              (await asManager().admin.orders.get({ orderId: delivered.orderId })).payment.refundPending ===
              0,
            { what: "the walk's refund to settle" },
          );
          return result;
        },
      },
      "admin.customers.list": { permission: "customers.read", call: (c) => c.admin.customers.list({}) },
      "admin.dashboard.sales": { permission: "dashboard.read", call: (c) => c.admin.dashboard.sales({}) },
      "admin.customers.get": {
        permission: "customers.read",
        call: (c) => c.admin.customers.get({ email: "ada@example.com" }),
      },
      "admin.ops.deadLetters": { permission: "operations.read", call: (c) => c.admin.ops.deadLetters({}) },
      "admin.ops.replay": {
        permission: "operations.manage",
        call: async (c) => c.admin.ops.replay(await poison()),
      },
      "admin.ops.discard": {
        permission: "operations.manage",
        call: async (c) => c.admin.ops.discard(await poison()),
      },
      "admin.ops.stuckOrders": { permission: "operations.read", call: (c) => c.admin.ops.stuckOrders({}) },
      "admin.ops.retryStep": {
        permission: "operations.manage",
        call: async (c) => c.admin.ops.retryStep(await stuck()),
      },
    };
    const adminPaths = Object.keys(ordersRouter._def.procedures).filter((p) => p.startsWith("admin."));
    expect(Object.keys(procedures).sort()).toEqual(adminPaths.sort());
    const { outcomes, unexpected } = await walkPermissionMatrix(procedures, (p) => f.callerAs(p));
    console.log(summarizeMatrix(`orders on ${target.name}`, outcomes, unexpected));
    expect(unexpected).toEqual([]);
    expect(outcomes).toHaveLength(adminPaths.length * Object.keys(TEST_PRINCIPALS).length);
  });
});

describe.each(testDatabaseTargets("orders staff tokens over HTTP"))("orders tokens on $name", (target) => {
  it("verifies the signed service token: none is 401, a forged one 401, a shopper's 403", async () => {
    const t = await target.create();
    const events = new InProcessEventBus(log);
    const commands = new InProcessCommandBus(log);
    const tokenKey = new Uint8Array(randomBytes(32));
    const service = createOrdersService({
      db: t.db,
      events,
      commands,
      log,
      metrics: createServiceMetrics("orders-token-test"),
      variants: new FakeCatalog(),
      secret: randomBytes(32),
      tokenKey,
      limits: ordersLimits(),
    });
    await service.server.listen(0, "127.0.0.1");
    const url = `${service.server.origin()}/trpc`;
    const as = (authorization?: string) =>
      createOrdersClient({
        url,
        headers: (): Record<string, string> => (authorization ? { authorization } : {}),
      }).admin.orders.list;
    const codeOf = async (p: Promise<unknown>) =>
      p.then(
        () => "OK",
        (err: { data?: { code?: string } }) => err.data?.code,
      );
    try {
      const signed = await signServiceToken(
        { kind: "staff", userId: randomUUID(), email: "m@example.com", role: "manager" },
        tokenKey,
      );
      const forged = await signServiceToken(
        { kind: "staff", userId: randomUUID(), email: "m@example.com", role: "owner" },
        new Uint8Array(randomBytes(32)),
      );
      const shopper = await signServiceToken(
        { kind: "shopper", userId: randomUUID(), email: "s@example.com" },
        tokenKey,
      );
      expect(await codeOf(as().query({}))).toBe("UNAUTHORIZED");
      expect(await codeOf(as(`Bearer ${forged}`).query({}))).toBe("UNAUTHORIZED");
      expect(await codeOf(as("Basic abc").query({}))).toBe("UNAUTHORIZED");
      expect(await codeOf(as(`Bearer ${shopper}`).query({}))).toBe("FORBIDDEN");
      expect(await codeOf(as(`Bearer ${signed}`).query({}))).toBe("OK");
    } finally {
      await service.server.close(0);
      await service.stop();
      await events.close();
      await commands.close();
      await t.dispose();
    }
  });
});
