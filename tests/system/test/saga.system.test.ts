// The order saga across real processes and real brokers: 200 orders placed through the API all reach a
// terminal state with at most one capture each at the provider; a malformed command is dead-lettered
// while the flow carries on; fifty concurrent placeOrder calls with one key make one order.
import { randomUUID } from "node:crypto";
import { expect, it } from "vitest";
import amqp from "amqplib";
import { QUEUES } from "@emporium/contracts";
import { RabbitCommandBus } from "@emporium/messaging";
import { createLogger } from "@emporium/observability";
import { waitFor } from "@emporium/testkit";
import {
  ADDRESS,
  buy,
  CARDS,
  describeSystem,
  providerStats,
  startOrders,
  stockedVariants,
  tokenize,
  waitTerminal,
} from "../src";

describeSystem(
  "order saga over Kafka and RabbitMQ",
  { products: 80, carrierStepMs: 150 },
  (platform, servers) => {
    it("takes 200 orders placed through the API to DELIVERED or CANCELLED, capturing each at most once", async () => {
      const stack = platform();
      const variants = await stockedVariants(stack, 25);
      const started = Date.now();
      const ids = await startOrders(stack, {
        count: 200,
        concurrency: 16,
        variants,
        card: (i) => (i % 10 === 9 ? CARDS.decline : CARDS.approve),
        quantity: (i) => 1 + (i % 2),
      }).finished;
      const counts = await waitTerminal(stack, ids);
      console.log(
        `200 orders terminal in ${((Date.now() - started) / 1000).toFixed(1)} s: ${JSON.stringify(counts)}`,
      );
      expect(counts).toEqual({ DELIVERED: 180, CANCELLED: 20 });
      const cancelled = await stack.db.prisma.order.findMany({
        where: { id: { in: ids }, status: "CANCELLED" },
        select: { cancelReason: true },
      });
      for (const c of cancelled) expect(c.cancelReason).toMatch(/Payment declined/);
      const stats = await providerStats(stack.pspUrl);
      for (const id of ids) expect(stats.get(id)?.captures ?? 0).toBeLessThanOrEqual(1);
      expect([...stats.values()].reduce((n, s) => n + s.captures, 0)).toBe(180);
    });

    it("dead-letters a malformed command and keeps taking orders", async () => {
      const stack = platform();
      const connection = await amqp.connect(servers.options.amqpUrl);
      const channel = await connection.createConfirmChannel();
      channel.sendToQueue(QUEUES.inventoryReserve, Buffer.from('{"this": "is not a command"'), {
        persistent: true,
      });
      channel.sendToQueue(
        QUEUES.inventoryReserve,
        Buffer.from(
          JSON.stringify({
            id: randomUUID(),
            type: "inventory.reserve.v1",
            occurredAt: new Date().toISOString(),
            aggregateId: "x",
            data: { orderId: "not-a-uuid" },
          }),
        ),
        { persistent: true },
      );
      await channel.waitForConfirms();
      await connection.close();

      const variants = await stockedVariants(stack, 5);
      const placed = await Promise.all(
        variants.map(async (v) =>
          buy(stack, [{ variantId: v.id, quantity: 1 }], await tokenize(stack.pspUrl, CARDS.approve)),
        ),
      );
      expect(
        await waitTerminal(
          stack,
          placed.map((p) => p.orderId),
        ),
      ).toEqual({ DELIVERED: 5 });

      const bus = await RabbitCommandBus.connect({
        url: servers.options.amqpUrl,
        log: createLogger({ service: "t", level: "silent" }),
      });
      try {
        const dead = await waitFor(
          async () => {
            const letters = await bus.deadLetters(QUEUES.inventoryReserve);
            return letters.length >= 2 ? letters : null;
          },
          { timeoutMs: 30_000, what: "the malformed commands in the dead-letter queue" },
        );
        expect(dead.map((d) => d.reason).join("\n")).toMatch(/not JSON/);
        expect(dead.map((d) => d.reason).join("\n")).toMatch(/orderId/);
      } finally {
        await bus.close();
      }
    });

    it("makes one order of fifty concurrent placeOrder calls with the same key", async () => {
      const stack = platform();
      const [variant] = await stockedVariants(stack, 1);
      const cart = await stack.orders.cart.addLine.mutate({ variantId: variant?.id ?? "", quantity: 1 });
      const body = {
        cartToken: cart.token,
        email: "same-key@example.com",
        shippingAddress: ADDRESS,
        shippingMethod: "express" as const,
        paymentToken: await tokenize(stack.pspUrl, CARDS.approve),
        idempotencyKey: `same_${randomUUID().replace(/-/g, "")}`,
      };
      const results = await Promise.all(
        Array.from({ length: 50 }, () => stack.orders.checkout.placeOrder.mutate(body)),
      );
      expect(new Set(results.map((r) => r.orderId)).size).toBe(1);
      expect(await stack.db.prisma.order.count({ where: { email: "same-key@example.com" } })).toBe(1);
      await expect(
        stack.orders.checkout.placeOrder.mutate({ ...body, shippingMethod: "standard" }),
      ).rejects.toThrow(/different request/);
      expect(await waitTerminal(stack, [results[0]?.orderId ?? ""])).toEqual({ DELIVERED: 1 });
    });
  },
);
