// The orders service on a test database with in-process buses, a fake catalog, and scripted stand-ins
// for the inventory, payment and fulfillment workers that answer its commands the way the real ones do.
import { randomBytes, randomUUID } from "node:crypto";
import {
  authorizePaymentV1,
  capturePaymentV1,
  createEnvelope,
  orderDeliveredV1,
  orderShippedV1,
  paymentAuthorizedV1,
  paymentCapturedV1,
  paymentDeclinedV1,
  paymentRefundedV1,
  QUEUES,
  readMessage,
  refundPaymentV1,
  releaseStockV1,
  reserveStockV1,
  shipOrderV1,
  shipmentCreatedV1,
  stockRejectedV1,
  stockReleasedV1,
  stockReservedV1,
  TOPICS,
  type Envelope,
} from "@emporium/contracts";
import { ANONYMOUS, type Principal } from "@emporium/auth";
import type { Database } from "@emporium/db";
import type { TestDatabaseTarget } from "@emporium/db/testing";
import { InProcessCommandBus, InProcessEventBus } from "@emporium/messaging";
import {
  createLogger,
  createServiceMetrics,
  type Logger,
  type ServiceMetrics,
} from "@emporium/observability";
import { ordersRouter } from "../src/api/router/_app";
import { createOrdersService, type OrdersService } from "../src/service";
import { requestAs, testLimiter } from "@emporium/service-kit/testing";
import { createCallerFactory, type OrdersContext } from "../src/api/trpc";
import type { OrdersLimits } from "../src/ports/limits";
import type { VariantInfo, VariantLookup } from "../src/ports/variant-lookup";

export const log: Logger = createLogger({
  service: "orders-test",
  level: process.env.TEST_LOG_LEVEL ?? "silent",
});

export class FakeCatalog implements VariantLookup {
  readonly items = new Map<string, VariantInfo>();
  down = false;
  add(price: number, available: number): VariantInfo {
    const id = randomUUID();
    const v: VariantInfo = {
      id,
      sku: `SKU-${id.slice(0, 6)}`,
      title: "Navy / M",
      productTitle: "Linen Shirt",
      productSlug: `linen-shirt-${id.slice(0, 6)}`,
      price,
      currency: "USD",
      available,
      image: null,
    };
    this.items.set(id, v);
    return v;
  }
  async variants(ids: readonly string[]): Promise<VariantInfo[]> {
    if (this.down) throw new Error("catalog unreachable");
    return ids.flatMap((id) => this.items.get(id) ?? []);
  }
}

/**
 * "hold": the authorization never answers (the order stays PENDING with its stock reserved);
 * "unavailable": the payment provider is down — the command fails on every attempt and is dead-lettered.
 */
export type CardBehaviour = "approve" | "decline" | "hold" | "unavailable";

/**
 * Answers orders' commands like the real workers, with a stock count per variant and a card per order:
 * a release gives back units still held (not once committed, as in the real inventory), refunds are
 * cumulative per order, and orders in `holdShipping` stay CONFIRMED until the test ships them.
 */
export function scriptWorkers(
  events: InProcessEventBus,
  commands: InProcessCommandBus,
  stock: Map<string, number>,
) {
  const cards = new Map<string, CardBehaviour>();
  /** By payment token: for an order paid with one card after another (checked before `cards`). */
  const tokenCards = new Map<string, CardBehaviour>();
  const holdShipping = new Set<string>();
  const sent: string[] = [];
  const held = new Map<string, { variantId: string; quantity: number }[]>();
  const refunded = new Map<string, number>();
  const publish = (topic: string, envelope: Envelope) => events.publish([{ topic, envelope }]);
  const on = (queue: string, handle: (e: Envelope) => Promise<void>) =>
    commands.consume({
      queue,
      handle: async (e) => {
        sent.push(`${queue}:${e.aggregateId}`);
        await handle(e);
      },
    });
  return {
    cards,
    tokenCards,
    holdShipping,
    sent,
    refunded,
    async start() {
      await on(QUEUES.inventoryReserve, async (e) => {
        const { data } = readMessage(e, reserveStockV1);
        const short = data.lines.find((l) => (stock.get(l.variantId) ?? 0) < l.quantity);
        if (short) {
          await publish(
            TOPICS.inventory,
            createEnvelope(stockRejectedV1, data.orderId, {
              orderId: data.orderId,
              reason: `${short.sku} is out of stock`,
              shortages: [],
            }),
          );
          return;
        }
        for (const l of data.lines) stock.set(l.variantId, (stock.get(l.variantId) ?? 0) - l.quantity);
        held.set(data.orderId, data.lines);
        await publish(
          TOPICS.inventory,
          createEnvelope(stockReservedV1, data.orderId, {
            orderId: data.orderId,
            reservationId: randomUUID(),
            expiresAt: data.expiresAt,
          }),
        );
      });
      await on(QUEUES.inventoryRelease, async (e) => {
        const { data } = readMessage(e, releaseStockV1);
        for (const l of held.get(data.orderId) ?? [])
          stock.set(l.variantId, (stock.get(l.variantId) ?? 0) + l.quantity);
        held.delete(data.orderId);
        await publish(
          TOPICS.inventory,
          createEnvelope(stockReleasedV1, data.orderId, { orderId: data.orderId, reason: data.reason }),
        );
      });
      await on(QUEUES.inventoryCommit, async (e) => {
        held.delete(e.aggregateId);
      });
      await on(QUEUES.paymentAuthorize, async (e) => {
        const { data } = readMessage(e, authorizePaymentV1);
        const card = tokenCards.get(data.paymentToken) ?? cards.get(data.orderId);
        if (card === "hold") return;
        if (card === "unavailable") throw new Error("payment provider unavailable");
        if (card === "decline")
          await publish(
            TOPICS.payments,
            createEnvelope(paymentDeclinedV1, data.orderId, {
              orderId: data.orderId,
              code: "card_declined",
              reason: "the card was declined",
            }),
          );
        else
          await publish(
            TOPICS.payments,
            createEnvelope(paymentAuthorizedV1, data.orderId, {
              orderId: data.orderId,
              paymentId: randomUUID(),
              amount: data.amount,
              currency: data.currency,
            }),
          );
      });
      await on(QUEUES.paymentCapture, async (e) => {
        const { data } = readMessage(e, capturePaymentV1);
        await publish(
          TOPICS.payments,
          createEnvelope(paymentCapturedV1, data.orderId, {
            orderId: data.orderId,
            paymentId: randomUUID(),
            amount: data.amount,
          }),
        );
      });
      await on(QUEUES.paymentRefund, async (e) => {
        const { data } = readMessage(e, refundPaymentV1);
        const total = (refunded.get(data.orderId) ?? 0) + data.amount;
        refunded.set(data.orderId, total);
        await publish(
          TOPICS.payments,
          createEnvelope(paymentRefundedV1, data.orderId, {
            orderId: data.orderId,
            paymentId: randomUUID(),
            amount: data.amount,
            total,
          }),
        );
      });
      await on(QUEUES.fulfillmentShip, async (e) => {
        const { data } = readMessage(e, shipOrderV1);
        if (holdShipping.has(data.orderId)) return;
        const shipmentId = randomUUID();
        await publish(
          TOPICS.fulfillment,
          createEnvelope(shipmentCreatedV1, data.orderId, {
            orderId: data.orderId,
            shipmentId,
            carrier: "DHL",
            trackingNumber: "JD0001",
            packingSlipKey: "k",
          }),
        );
        await publish(
          TOPICS.fulfillment,
          createEnvelope(orderShippedV1, data.orderId, {
            orderId: data.orderId,
            shipmentId,
            carrier: "DHL",
            trackingNumber: "JD0001",
          }),
        );
        await publish(
          TOPICS.fulfillment,
          createEnvelope(orderDeliveredV1, data.orderId, { orderId: data.orderId, shipmentId }),
        );
      });
    },
  };
}

/**
 * In-process limits of the given attempts per minute; the rest too generous for any suite to meet
 * (suites place many orders from one address, some fifty at once on one cart).
 */
export function ordersLimits(attempts: Partial<Record<keyof OrdersLimits, number>> = {}): OrdersLimits {
  const limit = (name: keyof OrdersLimits) => testLimiter(attempts[name] ?? 1_000_000, 60);
  return {
    placeOrderPerCart: limit("placeOrderPerCart"),
    placeOrderPerIp: limit("placeOrderPerIp"),
    // As in production: one point per key, so an attempt's repeats are told from new attempts.
    placeOrderKeys: testLimiter(attempts.placeOrderKeys ?? 1, 60),
    staffMutations: limit("staffMutations"),
  };
}

export interface OrdersFixture {
  service: OrdersService;
  caller: ReturnType<typeof createCaller>;
  callerWithKey(key: string): ReturnType<typeof createCaller>;
  /** A caller whose verified service token names `principal`, in the request `requestId`. */
  callerAs(principal: Principal, key?: string, requestId?: string): ReturnType<typeof createCaller>;
  /** An anonymous caller from the address `clientIp`, sending Idempotency-Key `key`. */
  callerFrom(clientIp: string, key?: string): ReturnType<typeof createCaller>;
  catalog: FakeCatalog;
  events: InProcessEventBus;
  commands: InProcessCommandBus;
  /** The service's registry and RED metrics, as its /metrics serves them. */
  metrics: ServiceMetrics;
  dispose(): Promise<void>;
  db: Database;
}

const createCaller = createCallerFactory(ordersRouter);

export async function createOrdersFixture(
  target: TestDatabaseTarget,
  options: { limits?: OrdersLimits } = {},
): Promise<OrdersFixture> {
  const t = await target.create();
  const events = new InProcessEventBus(log, { delaysMs: [20, 50] });
  const commands = new InProcessCommandBus(log, { delaysMs: [20, 50] });
  const catalog = new FakeCatalog();
  const metrics = createServiceMetrics("orders-test");
  const service = createOrdersService({
    db: t.db,
    events,
    commands,
    log,
    metrics,
    variants: catalog,
    secret: randomBytes(32),
    tokenKey: new Uint8Array(randomBytes(32)),
    limits: options.limits ?? ordersLimits(),
  });
  await service.start();
  const context = (
    key?: string,
    principal: Principal = ANONYMOUS,
    request: { clientIp?: string; requestId?: string } = {},
  ): OrdersContext => ({
    ...service.base,
    ...requestAs(principal, request),
    idempotencyKey: key,
  });
  return {
    service,
    caller: createCaller(context()),
    callerWithKey: (key) => createCaller(context(key)),
    callerAs: (principal, key, requestId) =>
      createCaller(context(key, principal, requestId ? { requestId } : {})),
    callerFrom: (clientIp, key) => createCaller(context(key, ANONYMOUS, { clientIp })),
    catalog,
    events,
    commands,
    metrics,
    db: t.db,
    async dispose() {
      await service.stop();
      await events.close();
      await commands.close();
      await t.dispose();
    },
  };
}

/** A shipping address that passes every check. */
export const address = {
  name: "Ada Lovelace",
  line1: "12 St James's Square",
  city: "London",
  postalCode: "SW1Y 4JH",
  country: "GB",
};

/** A fresh Idempotency-Key. */
export const idempotencyKey = () => `key_${randomUUID().replace(/-/g, "")}`;
