// The fulfillment worker as a unit: the fulfillment.ship consumer, the outbox relay and the simulated
// carrier. Built by this service's main.ts (own process, real brokers) or by the all-in-one development
// host, which hands it the in-process buses.
import { QUEUES } from "@emporium/contracts";
import type { Database } from "@emporium/db";
import {
  consumeQueues,
  OutboxRelay,
  type CommandBus,
  type EventBus,
  type Subscription,
} from "@emporium/messaging";
import { measureDbPool, type Logger, type ServiceMetrics } from "@emporium/observability";
import type { ObjectStore } from "@emporium/storage";
import { SimulatedCarrier } from "./adapters/carrier/simulated-carrier";
import { sqlShipmentCounts } from "./adapters/sql/shipments";
import { createFulfillmentMetrics } from "./app/metrics";
import type { Clock, FulfillmentContext } from "./consumers/context";
import { shipConsumer } from "./consumers/ship";

export interface FulfillmentWorkerDeps {
  db: Database;
  events: EventBus;
  commands: CommandBus;
  log: Logger;
  metrics: ServiceMetrics;
  /** Where packing slips go: a private bucket or folder, never the public media store. */
  store: ObjectStore;
  /** Now, as the worker sees it (default: the system clock). */
  clock?: Clock;
  /** How long each step of a parcel's journey takes (default 5 s). */
  carrierStepMs?: number;
  /** How often the carrier looks for due parcels (default: the step time, at most 1 s). */
  carrierPollMs?: number;
  concurrency?: number;
}

export interface Worker {
  start(): Promise<void>;
  stop(): Promise<void>;
}

export function createFulfillmentWorker(deps: FulfillmentWorkerDeps): Worker {
  measureDbPool(deps.metrics.registry, deps.db);
  const stepMs = deps.carrierStepMs ?? 5_000;
  const ctx: FulfillmentContext = {
    db: deps.db,
    log: deps.log,
    store: deps.store,
    clock: deps.clock ?? (() => new Date()),
    stepMs,
    metrics: createFulfillmentMetrics(deps.metrics.registry, sqlShipmentCounts(deps.db.sql), deps.log),
  };
  const relay = new OutboxRelay({
    db: deps.db,
    schema: "fulfillment",
    events: deps.events,
    commands: deps.commands,
    log: deps.log,
    metrics: deps.metrics.registry,
  });
  const carrier = new SimulatedCarrier(ctx, { pollMs: deps.carrierPollMs ?? Math.min(stepMs, 1_000) });
  const subscriptions: Subscription[] = [];
  return {
    async start() {
      await relay.start();
      subscriptions.push(
        ...(await consumeQueues(
          deps.commands,
          { [QUEUES.fulfillmentShip]: shipConsumer(ctx) },
          deps.concurrency ?? 4,
          deps.metrics.registry,
        )),
      );
      carrier.start();
    },
    async stop() {
      await carrier.stop();
      for (const s of subscriptions.splice(0)) await s.stop();
      await relay.stop();
    },
  };
}
