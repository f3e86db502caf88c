// What the fulfillment consumer and the carrier loop get from the composition root.
import type { Database } from "@emporium/db";
import type { Logger } from "@emporium/observability";
import type { ObjectStore } from "@emporium/storage";
import type { FulfillmentMetrics } from "../app/metrics";

export type Clock = () => Date;

export interface FulfillmentContext {
  db: Database;
  log: Logger;
  store: ObjectStore;
  clock: Clock;
  /** How long the simulated carrier takes for each step of a parcel's journey. */
  stepMs: number;
  metrics: FulfillmentMetrics;
}
