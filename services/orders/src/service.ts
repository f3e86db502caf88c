// The orders service as a unit: HTTP API, saga orchestrator, outbox relay and live order changes.
// Built by this service's main.ts (own process, real brokers) or by the all-in-one development host.
import { TOPICS } from "@emporium/contracts";
import type { Database } from "@emporium/db";
import {
  enqueue,
  instanceGroup,
  measureConsumerLag,
  OutboxRelay,
  type CommandBus,
  type EventBus,
  type Subscription,
} from "@emporium/messaging";
import { measureDbPool, type Logger, type ServiceMetrics } from "@emporium/observability";
import { schemaCheck } from "@emporium/runtime";
import { createServiceServer, type ContextBase, type ServiceServer } from "@emporium/service-kit";
import { createLimiters } from "@emporium/service-kit/limits";
import { OrderChanges } from "./adapters/sql/order-changes";
import { sqlAddressBook } from "./adapters/sql/address-book";
import { sqlBackOfficeReadModel } from "./adapters/sql/back-office-read-model";
import { sqlCartStore } from "./adapters/sql/cart-store";
import { sqlOrderReadModel } from "./adapters/sql/order-read-model";
import { sqlCheckoutStore } from "./adapters/sql/place-order-sql";
import { sqlSagaStore } from "./adapters/sql/saga-orders";
import { oldestUnfinishedOrderAgeSeconds, sqlUnfinishedOrders } from "./adapters/sql/unfinished-orders";
import { createOrderMetrics, measureUnfinishedOrders } from "./app/order-metrics";
import { ordersRouter } from "./api/router/_app";
import type { OrdersContext } from "./api/trpc";
import { CartService } from "./app/cart-service";
import { PaymentAvailability } from "./app/payment-availability";
import { paymentProviderStatusConsumer } from "./consumers/payment-provider-status";
import { sagaConsumer } from "./consumers/saga-events";
import type { OrdersLimitsConfig } from "./env";
import type { OrdersLimits } from "./ports/limits";
import type { VariantLookup } from "./ports/variant-lookup";

/** What the composition root builds once; each request adds its ids, caller and Idempotency-Key. */
export type OrdersContextBase = Omit<ContextBase<OrdersContext>, "idempotencyKey">;

export interface OrdersServiceDeps {
  db: Database;
  events: EventBus;
  commands: CommandBus;
  log: Logger;
  metrics: ServiceMetrics;
  variants: VariantLookup;
  /** HMAC key for cart and order tokens (32+ bytes). */
  secret: Buffer;
  /** Key of the short-lived service tokens the apps sign for staff calls (SERVICE_TOKEN_SECRET). */
  tokenKey: Uint8Array;
  /** How long stock is held for an order awaiting payment (default 15 minutes). */
  reservationTtlMs?: number;
  /** An unfinished order placed longer ago than this is stuck, for the operations console (default 15 minutes). */
  stuckAfterMs?: number;
  /** placeOrder per cart and per address, changes per staff member; see createOrdersLimits. */
  limits: OrdersLimits;
}

export interface OrdersService {
  server: ServiceServer;
  /** What each request's context is built from (tests use it to call procedures directly). */
  base: OrdersContextBase;
  start(): Promise<void>;
  stop(): Promise<void>;
}

export function createOrdersService(d: OrdersServiceDeps): OrdersService {
  measureDbPool(d.metrics.registry, d.db);
  measureConsumerLag(d.metrics.registry, d.events);
  const reservationTtlMs = d.reservationTtlMs ?? 15 * 60_000;
  const changes = new OrderChanges(d.db);
  const payments = new PaymentAvailability(d.log);
  const saga = sqlSagaStore(d.db);
  const cartStore = sqlCartStore(d.db);
  const carts = new CartService({ store: cartStore, variants: d.variants, secret: d.secret, log: d.log });
  const relay = new OutboxRelay({
    db: d.db,
    schema: "orders",
    events: d.events,
    commands: d.commands,
    log: d.log,
    metrics: d.metrics.registry,
  });
  const orderMetrics = createOrderMetrics(d.metrics.registry);
  measureUnfinishedOrders(d.metrics.registry, () => oldestUnfinishedOrderAgeSeconds(d.db.sql), d.log);
  const base: OrdersContextBase = {
    checkout: sqlCheckoutStore(d.db),
    saga,
    orders: sqlOrderReadModel(d.db),
    backOffice: sqlBackOfficeReadModel(d.db),
    addresses: sqlAddressBook(d.db),
    cartStore,
    carts,
    secret: d.secret,
    log: d.log,
    metrics: d.metrics,
    orderMetrics,
    changes,
    payments,
    reservationTtlMs,
    unfinished: sqlUnfinishedOrders(d.db.sql),
    stuckAfterMs: d.stuckAfterMs ?? 15 * 60_000,
    limits: d.limits,
    commands: d.commands,
    recordAudit: (message) => d.db.transaction((tx) => enqueue(tx, "orders", [message])),
  };
  const server = createServiceServer({
    router: ordersRouter,
    log: d.log,
    metrics: d.metrics,
    tokenKey: d.tokenKey,
    checks: [schemaCheck(d.db, "orders.outbox")],
    createContext: (request, req) => {
      const key = req.headers["idempotency-key"];
      return { ...base, ...request, idempotencyKey: Array.isArray(key) ? key[0] : key };
    },
  });
  const subscriptions: Subscription[] = [];
  return {
    server,
    base,
    async start() {
      await changes.start();
      await relay.start();
      subscriptions.push(
        await d.events.subscribe({
          group: "orders-saga",
          topics: [TOPICS.inventory, TOPICS.payments, TOPICS.fulfillment],
          fromBeginning: true,
          handle: sagaConsumer({ orders: saga, log: d.log, reservationTtlMs, metrics: orderMetrics }),
        }),
        // Every instance keeps its own view of payment availability, so each uses its own group.
        await d.events.subscribe({
          group: instanceGroup("orders-payment-status"),
          topics: [TOPICS.payments],
          handle: paymentProviderStatusConsumer(payments),
        }),
      );
    },
    async stop() {
      for (const s of subscriptions.splice(0)) await s.stop();
      await relay.stop();
      await changes.stop();
    },
  };
}

/**
 * The limiters `config` describes (env.ts: ordersLimitsOf): in Redis when it names one, in this process
 * otherwise. Whoever makes them closes them, after the server has stopped.
 */
export function createOrdersLimits(
  config: OrdersLimitsConfig,
  log: Logger,
): OrdersLimits & { close(): Promise<void> } {
  return createLimiters("orders", config, log);
}

// What a host composing orders needs besides the service itself: the catalog lookup over HTTP and the
// development signing secret kept under the data folder.
export { CatalogVariantLookup } from "./adapters/catalog/catalog-variant-lookup";
export { loadOrCreateDevSecret } from "./adapters/fs/dev-secret";
