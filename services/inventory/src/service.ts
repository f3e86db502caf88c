// The inventory as units: the worker (command consumers, the outbox relay and the expiry sweeper) and
// the staff API (its store and its HTTP server: the staff stock API under /trpc with /healthz, /readyz
// and /metrics, from the shared service kit). Built by this service's main.ts (own process, real
// brokers, both) or by the all-in-one development host.
import { QUEUES, TOPICS } from "@emporium/contracts";
import type { Database } from "@emporium/db";
import {
  consumeQueues,
  measureConsumerLag,
  OutboxRelay,
  type CommandBus,
  type EventBus,
  type Subscription,
} from "@emporium/messaging";
import { measureDbPool, type Logger, type ServiceMetrics } from "@emporium/observability";
import { schemaCheck } from "@emporium/runtime";
import { createServiceServer, type ContextBase, type ServiceServer } from "@emporium/service-kit";
import { createLimiters, type Limit, type ServiceLimits } from "@emporium/service-kit/limits";
import { Counter } from "prom-client";
import { SqlReservationExpiry } from "./adapters/sql/reservation-expiry";
import { startExpirySweeper } from "./app/expiry";
import { commitConsumer } from "./consumers/commit";
import type { InventoryContext } from "./consumers/context";
import { releaseConsumer } from "./consumers/release";
import { restockConsumer } from "./consumers/restock";
import { reserveConsumer } from "./consumers/reserve";
import { variantsAddedConsumer } from "./consumers/variants-added";
import { PrismaStockAdminStore } from "./adapters/sql/stock-admin-store";
import { appRouter } from "./api/router/_app";
import type { InventoryApiContext } from "./api/trpc";

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
  measureDbPool(deps.metrics.registry, deps.db);
  measureConsumerLag(deps.metrics.registry, deps.events);
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
    metrics: deps.metrics.registry,
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
            [QUEUES.inventoryRestock]: restockConsumer(ctx),
          },
          concurrency,
          deps.metrics.registry,
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

export interface InventoryApiDeps {
  db: Database;
  log: Logger;
  metrics: ServiceMetrics;
  /** Verifies the service tokens the apps send for signed-in staff (see @emporium/auth). */
  tokenKey: Uint8Array;
  /** Changes per staff member; see createInventoryLimits. */
  limits: ServiceLimits;
}

export interface InventoryApi {
  server: ServiceServer;
  /** What each request's context is built from (tests call procedures with it). */
  base: ContextBase<InventoryApiContext>;
}

export const INVENTORY_TABLE = "inventory.stock_adjustments";

export function createInventoryApi(d: InventoryApiDeps): InventoryApi {
  const base: ContextBase<InventoryApiContext> = {
    stock: new PrismaStockAdminStore(d.db),
    log: d.log,
    metrics: d.metrics,
    limits: d.limits,
  };
  const server = createServiceServer({
    router: appRouter,
    log: d.log,
    metrics: d.metrics,
    tokenKey: d.tokenKey,
    checks: [schemaCheck(d.db, INVENTORY_TABLE)],
    // Staff-only figures: nothing here may be kept by a shared cache.
    headers: { "cache-control": "no-store" },
    createContext: (request) => ({ ...base, ...request }),
  });
  return { server, base };
}

/**
 * The staff API's limits (changes per staff member): in Redis when `redisUrl` names one, in this process
 * otherwise. Whoever makes them closes them, after the server has stopped.
 */
export function createInventoryLimits(
  config: { redisUrl: string | undefined; staffMutations: Limit },
  log: Logger,
): ServiceLimits & { close(): Promise<void> } {
  return createLimiters(
    "inventory",
    { redisUrl: config.redisUrl, limits: { staffMutations: config.staffMutations } },
    log,
  );
}
