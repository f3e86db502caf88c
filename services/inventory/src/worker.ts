// The inventory worker as a unit: command consumers, the outbox relay and the expiry sweeper. Built
// by this service's main.ts (own process, real brokers) or by the all-in-one development host.
import { QUEUES, TOPICS } from "@emporium/contracts";
import type { Database } from "@emporium/db";
import {
  consumeQueues,
  OutboxRelay,
  type CommandBus,
  type EventBus,
  type Subscription,
} from "@emporium/messaging";
import type { Logger, ServiceMetrics } from "@emporium/observability";
import { Counter } from "prom-client";
import { SqlReservationExpiry } from "./adapters/sql/reservation-expiry";
import { startExpirySweeper } from "./app/expiry";
import { commitConsumer } from "./consumers/commit";
import type { InventoryContext } from "./consumers/context";
import { releaseConsumer } from "./consumers/release";
import { reserveConsumer } from "./consumers/reserve";
import { variantsAddedConsumer } from "./consumers/variants-added";

export interface InventoryWorkerDeps {
  db: Database;
  events: EventBus;
  commands: CommandBus;
  log: Logger;
  metrics: ServiceMetrics;
  /** How often overdue reservations are looked for (default 5 s). */
  expirySweepMs?: number;
  concurrency?: number;
}

export interface Worker {
  start(): Promise<void>;
  stop(): Promise<void>;
}

export function createInventoryWorker(deps: InventoryWorkerDeps): Worker {
  const ctx: InventoryContext = {
    db: deps.db,
    log: deps.log,
    reservations: new Counter({
      name: "inventory_reservations_total",
      help: "Reserve commands handled, by outcome",
      labelNames: ["outcome"],
      registers: [deps.metrics.registry],
    }),
  };
  const relay = new OutboxRelay({
    db: deps.db,
    schema: "inventory",
    events: deps.events,
    commands: deps.commands,
    log: deps.log,
  });
  const subscriptions: Subscription[] = [];
  let stopSweeper: (() => void) | null = null;
  return {
    async start() {
      await relay.start();
      const concurrency = deps.concurrency ?? 8;
      subscriptions.push(
        ...(await consumeQueues(
          deps.commands,
          {
            [QUEUES.inventoryReserve]: reserveConsumer(ctx),
            [QUEUES.inventoryRelease]: releaseConsumer(ctx),
            [QUEUES.inventoryCommit]: commitConsumer(ctx),
          },
          concurrency,
        )),
        // New catalog variants get a stock level at every location.
        await deps.events.subscribe({
          group: "inventory-catalog",
          topics: [TOPICS.catalog],
          fromBeginning: true,
          handle: variantsAddedConsumer(ctx),
        }),
      );
      stopSweeper = startExpirySweeper(
        new SqlReservationExpiry(deps.db),
        deps.log,
        deps.expirySweepMs ?? 5_000,
      );
    },
    async stop() {
      stopSweeper?.();
      for (const s of subscriptions.splice(0)) await s.stop();
      await relay.stop();
    },
  };
}
