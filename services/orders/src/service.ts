// The orders service as a unit: HTTP API, saga orchestrator, outbox relay and live order changes.
// Built by this service's main.ts (own process, real brokers) or by the all-in-one development host.
import type { Server } from "node:http";
import { TOPICS } from "@emporium/contracts";
import type { Database } from "@emporium/db";
import { OutboxRelay, type CommandBus, type EventBus, type Subscription } from "@emporium/messaging";
import type { Logger, ServiceMetrics } from "@emporium/observability";
import { schemaCheck } from "@emporium/runtime";
import { Counter } from "prom-client";
import { CartService } from "./app/cart-service";
import { createOrdersServer, type ContextBase } from "./http/server";
import { OrderChanges } from "./live/order-changes";
import type { VariantLookup } from "./ports/variant-lookup";
import { sagaHandler } from "./saga/orchestrator";
import { PaymentAvailability } from "./saga/payment-availability";

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
}

export interface OrdersService {
  server: Server;
  /** What each request's context is built from (tests use it to call procedures directly). */
  base: ContextBase;
  start(): Promise<void>;
  stop(): Promise<void>;
}

export function createOrdersService(d: OrdersServiceDeps): OrdersService {
  const reservationTtlMs = d.reservationTtlMs ?? 15 * 60_000;
  const changes = new OrderChanges(d.db);
  const payments = new PaymentAvailability(d.log);
  const carts = new CartService({ db: d.db, variants: d.variants, secret: d.secret, log: d.log });
  const relay = new OutboxRelay({
    db: d.db,
    schema: "orders",
    events: d.events,
    commands: d.commands,
    log: d.log,
  });
  const transitions = new Counter({
    name: "orders_status_transitions_total",
    help: "Order status changes made by the saga, by new status",
    labelNames: ["to"],
    registers: [d.metrics.registry],
  });
  const base: ContextBase = {
    db: d.db,
    carts,
    secret: d.secret,
    log: d.log,
    metrics: d.metrics,
    changes,
    payments,
    reservationTtlMs,
  };
  const server = createOrdersServer(base, [schemaCheck(d.db, "orders.outbox")], d.tokenKey);
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
          handle: sagaHandler({ db: d.db, log: d.log, reservationTtlMs, transitions }),
        }),
        // Every instance keeps its own view of payment availability, so each uses its own group.
        await d.events.subscribe({
          group: `orders-payment-status-${process.pid}-${Date.now()}`,
          topics: [TOPICS.payments],
          handle: payments.handler(),
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
