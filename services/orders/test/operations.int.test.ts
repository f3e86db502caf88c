// The operations console's dead letters through the orders service's staff procedures, on PGlite and
// PostgreSQL with the in-process buses and scripted workers (the RabbitMQ adapter is held to the same
// contract in @emporium/messaging): a payment authorization that failed while the provider was down is
// listed with its order and a redacted payload, support reads it but may not act, a manager replays it
// once the provider is back and the order completes; a poison command is discarded; each action once,
// audited, and a repeat is a 404 that changes nothing.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Principal } from "@emporium/auth";
import { TEST_PRINCIPALS } from "@emporium/auth/testing";
import { QUEUES } from "@emporium/contracts";
import { testDatabaseTargets } from "@emporium/db/testing";
import { auditEventsIn } from "@emporium/messaging/testing";
import { refusal } from "@emporium/service-kit/testing";
import { waitFor } from "@emporium/testkit";
import { address, createOrdersFixture, idempotencyKey, scriptWorkers, type OrdersFixture } from "./fixture";

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

  it("replays a command that failed while its dependency was down, once, and the order completes", async () => {
    const token = `tok_${randomUUID().replaceAll("-", "").slice(0, 16)}`;
    workers.tokenCards.set(token, "unavailable");
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
});
