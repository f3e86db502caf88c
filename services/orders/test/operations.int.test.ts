// The operations console's dead letters through the orders service's staff procedures, on PGlite and
// PostgreSQL with the in-process buses and scripted workers (the RabbitMQ adapter is held to the same
// contract in @emporium/messaging): a payment authorization that failed while the provider was down is
// listed with its order and a redacted payload, support reads it but may not act, a manager replays it
// once the provider is back and the order completes; a poison command is discarded; each action once,
// audited, and a repeat is a 404 that changes nothing. Stuck orders: an order whose authorization was
// never answered is listed, once older than the threshold, with the step it waits on; support reads it
// but may not act; a manager sends the step again — the same authorization (same order, same attempt,
// so the provider's idempotency key is the same), audited — and the order completes. An unknown order,
// a young one and a finished one are refused with nothing written.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Principal } from "@emporium/auth";
import { TEST_PRINCIPALS } from "@emporium/auth/testing";
import { QUEUES } from "@emporium/contracts";
import { testDatabaseTargets } from "@emporium/db/testing";
import { auditEventsIn } from "@emporium/messaging/testing";
import { refusal } from "@emporium/service-kit/testing";
import { waitFor } from "@emporium/testkit";
import {
  address,
  createOrdersFixture,
  idempotencyKey,
  scriptWorkers,
  type CardBehaviour,
  type OrdersFixture,
} from "./fixture";

const manager = TEST_PRINCIPALS.manager as Principal;
const support = TEST_PRINCIPALS.support as Principal;

describe.each(testDatabaseTargets("orders operations console"))("operations console on $name", (target) => {
  let f: OrdersFixture;
  let workers: ReturnType<typeof scriptWorkers>;
  const stock = new Map<string, number>();

  beforeAll(async () => {
    f = await createOrdersFixture(target);
    workers = scriptWorkers(f.events, f.commands, stock);
    await workers.start();
  });
  afterAll(() => f?.dispose());

  const asManager = () => f.callerAs(manager).admin.ops;
  const asSupport = () => f.callerAs(support).admin.ops;
  const auditOf = (messageId: string) =>
    auditEventsIn(f.db, "orders", { type: "dead-letter", id: messageId });

  async function deadLetter(queue: string, messageId: string) {
    return waitFor(
      async () => {
        const rows = await asManager().deadLetters({});
        return rows.find((r) => r.queue === queue)?.letters.find((l) => l.messageId === messageId) ?? null;
      },
      { what: `dead letter ${messageId} in ${queue}` },
    );
  }

  /** Places an order for one new variant, paid with a card that behaves as `card`. */
  async function place(card: CardBehaviour) {
    const token = `tok_${randomUUID().replaceAll("-", "").slice(0, 16)}`;
    workers.tokenCards.set(token, card);
    const v = f.catalog.add(2500, 10);
    stock.set(v.id, 10);
    const cart = await f.caller.cart.addLine({ variantId: v.id, quantity: 1 });
    const placed = await f.caller.checkout.placeOrder({
      cartToken: cart.token,
      email: "ops@example.com",
      shippingAddress: address,
      shippingMethod: "standard",
      paymentToken: token,
      idempotencyKey: idempotencyKey(),
    });
    return { ...placed, token };
  }

  it("replays a command that failed while its dependency was down, once, and the order completes", async () => {
    const placed = await place("unavailable");
    const { token } = placed;
    // Out of retries while the provider is down: the authorization waits in payment.authorize's DLQ.
    const letter = await waitFor(
      async () => {
        const rows = await asSupport().deadLetters({});
        const row = rows.find((r) => r.queue === QUEUES.paymentAuthorize);
        return row?.letters.find((l) => l.orderId === placed.orderId) ?? null;
      },
      { what: "the authorization dead-lettered" },
    );
    expect(letter.type).toBe("payment.authorize.v1");
    expect(letter.reason).toMatch(/payment provider unavailable/);
    expect(letter.attempts).toBe(3);
    expect(JSON.stringify(letter.payload)).not.toContain(token);
    expect(JSON.stringify(letter.payload)).toContain("[redacted]");
    const rows = await asManager().deadLetters({});
    expect(rows.map((r) => r.queue).sort()).toEqual(Object.values(QUEUES).sort());
    expect(rows.find((r) => r.queue === QUEUES.paymentAuthorize)?.depth.dead).toBeGreaterThanOrEqual(1);

    // Support reads but may not act: refused, nothing changed, nothing audited.
    const input = { queue: QUEUES.paymentAuthorize, messageId: letter.messageId };
    expect((await refusal(asSupport().replay(input), "FORBIDDEN")).message).toMatch(/operations\.manage/);
    await refusal(asSupport().discard(input), "FORBIDDEN");
    expect(await auditOf(letter.messageId)).toEqual([]);
    await deadLetter(QUEUES.paymentAuthorize, letter.messageId);

    // The provider is back: a manager replays it and the order goes all the way.
    workers.tokenCards.set(token, "approve");
    expect(await asManager().replay({ ...input, reason: "provider back" })).toEqual({
      ...input,
      status: "replayed",
    });
    await waitFor(
      async () =>
        (await f.callerAs(manager).admin.orders.get({ orderId: placed.orderId })).status === "DELIVERED",
      { what: "the replayed order to be delivered" },
    );
    // Replayed already: a clear 404, nothing sent again, nothing audited again.
    const again = await refusal(asManager().replay(input), "NOT_FOUND");
    expect(again.message).toMatch(/replayed or discarded already/);
    await refusal(asManager().discard(input), "NOT_FOUND");
    const audited = await auditOf(letter.messageId);
    expect(audited).toHaveLength(1);
    expect(audited[0]?.data).toMatchObject({
      service: "orders",
      actor: { role: "manager" },
      action: "dead-letter.replayed",
      target: { type: "dead-letter", id: letter.messageId },
      reason: "provider back",
    });
    expect(workers.sent.filter((s) => s === `${QUEUES.paymentAuthorize}:${placed.orderId}`)).toHaveLength(4);
  });

  it("discards a poison command once; an unknown id or queue is refused with nothing changed", async () => {
    const messageId = randomUUID();
    await f.commands.sendRaw(QUEUES.inventoryReserve, Buffer.from(JSON.stringify({ id: messageId, x: 1 })));
    const letter = await deadLetter(QUEUES.inventoryReserve, messageId);
    expect(letter.type).toBeNull();
    expect(letter.orderId).toBeNull();
    const input = { queue: QUEUES.inventoryReserve, messageId };
    await refusal(asManager().discard({ ...input, messageId: randomUUID() }), "NOT_FOUND");
    const badQueue = await refusal(
      asManager().discard({ ...input, queue: "orders.nothing" as typeof QUEUES.inventoryReserve }),
      "BAD_REQUEST",
    );
    expect(badQueue.message).toMatch(/queue/);
    await deadLetter(QUEUES.inventoryReserve, messageId);

    expect(await asManager().discard(input)).toEqual({ ...input, status: "discarded" });
    expect((await refusal(asManager().discard(input), "NOT_FOUND")).message).toMatch(
      new RegExp(`No dead letter ${messageId} in inventory.reserve`),
    );
    await refusal(asManager().replay(input), "NOT_FOUND");
    const rows = await asManager().deadLetters({});
    expect(rows.flatMap((r) => r.letters).map((l) => l.messageId)).not.toContain(messageId);
    const audited = await auditOf(messageId);
    expect(audited.map((a) => a.data.action)).toEqual(["dead-letter.discarded"]);
    expect(audited[0]?.data.changes).toEqual(
      expect.arrayContaining([{ field: "status", before: "dead", after: null }]),
    );
  });

  const ops = (who: Principal) => f.callerAs(who).admin.ops;
  const statusOf = async (orderId: string) =>
    (await f.callerAs(manager).admin.orders.get({ orderId })).status;

  /** Makes the order look placed `minutes` ago (the threshold is 15 minutes). */
  async function age(orderId: string, minutes: number) {
    await f.db.sql.query(
      `UPDATE orders.orders SET created_at = now() - make_interval(mins => $2::int) WHERE id = $1::uuid`,
      [orderId, minutes],
    );
  }

  const authorizations = async (orderId: string) =>
    f.db.sql.query<{ payload: { id: string; data: Record<string, unknown> } }>(
      `SELECT payload FROM orders.outbox WHERE type = 'payment.authorize.v1' AND aggregate_id = $1 ORDER BY seq`,
      [orderId],
    );
  const outboxSize = async () =>
    Number((await f.db.sql.query<{ n: string }>(`SELECT count(*)::text AS n FROM orders.outbox`))[0]?.n);

  it("lists an order whose authorization was never answered, and a manager's retry completes it once", async () => {
    const order = await place("hold");
    const key = `${QUEUES.paymentAuthorize}:${order.orderId}`;
    await waitFor(async () => workers.sent.includes(key), { what: "the first authorization to be sent" });

    // Young: not listed, and a retry is refused with nothing written.
    const listed = async (who: Principal) =>
      (await ops(who).stuckOrders({})).orders.find((o) => o.orderId === order.orderId);
    expect(await listed(manager)).toBeUndefined();
    const before = await outboxSize();
    const young = await refusal(ops(manager).retryStep({ orderId: order.orderId }), "CONFLICT");
    expect(young.message).toMatch(/not stuck: it was placed less than 15 minutes ago/);
    expect(await outboxSize()).toBe(before);

    await age(order.orderId, 20);
    const stuck = await listed(support);
    expect(stuck).toMatchObject({ status: "PENDING", step: "payment.authorize", retryable: true });
    expect(
      (await ops(support).stuckOrders({ olderThanMinutes: 30 })).orders.map((o) => o.orderId),
    ).not.toContain(order.orderId);

    // Support reads but may not act: refused, nothing sent, nothing audited.
    expect((await refusal(ops(support).retryStep({ orderId: order.orderId }), "FORBIDDEN")).message).toMatch(
      /operations\.manage/,
    );
    expect(await outboxSize()).toBe(before);

    // The provider answers now; the manager sends the same authorization again.
    workers.tokenCards.set(order.token, "approve");
    expect(await ops(manager).retryStep({ orderId: order.orderId, reason: "provider was slow" })).toEqual({
      orderId: order.orderId,
      step: "payment.authorize",
    });
    await waitFor(async () => (await statusOf(order.orderId)) === "DELIVERED", {
      what: "the retried order to be delivered",
    });
    expect(workers.sent.filter((s) => s === key)).toHaveLength(2);
    const [first, again] = await authorizations(order.orderId);
    expect(again?.payload.id).not.toBe(first?.payload.id);
    // Same order, amount, card and attempt: the payment worker sends the provider the same key.
    expect(again?.payload.data).toEqual(first?.payload.data);

    const audited = await auditEventsIn(f.db, "orders", { type: "order", id: order.orderId });
    const retried = audited.filter((a) => a.data.action === "order.step-retried");
    expect(retried).toHaveLength(1);
    expect(retried[0]?.data).toMatchObject({ actor: { role: "manager" }, reason: "provider was slow" });

    // Finished now: not listed, and a retry is refused with nothing written.
    expect(await listed(manager)).toBeUndefined();
    const done = await outboxSize();
    expect((await refusal(ops(manager).retryStep({ orderId: order.orderId }), "CONFLICT")).message).toMatch(
      /finished/,
    );
    expect(await outboxSize()).toBe(done);
  });

  it("refuses an unknown order or a malformed id, naming the field", async () => {
    const before = await outboxSize();
    expect((await refusal(ops(manager).retryStep({ orderId: randomUUID() }), "NOT_FOUND")).message).toMatch(
      /No such order/,
    );
    expect((await refusal(ops(manager).retryStep({ orderId: "nope" }), "BAD_REQUEST")).message).toMatch(
      /orderId/,
    );
    expect(
      (await refusal(ops(manager).stuckOrders({ olderThanMinutes: -1 }), "BAD_REQUEST")).message,
    ).toMatch(/olderThanMinutes/);
    expect(await outboxSize()).toBe(before);
  });
});
