// The fulfillment worker's business metrics: commands handled, carrier steps taken, parcels by status.
import type { Logger } from "@emporium/observability";
import { Counter, Gauge, type Registry } from "prom-client";
import type { ShipmentCounts } from "../ports/shipment-counts";

const STATUSES = ["PENDING", "LABEL_CREATED", "IN_TRANSIT", "OUT_FOR_DELIVERY", "DELIVERED"] as const;

export interface FulfillmentMetrics {
  shipCommands: Counter<"outcome">;
  carrierSteps: Counter<"to">;
}

export function createFulfillmentMetrics(
  registry: Registry,
  shipments: ShipmentCounts,
  log: Logger,
): FulfillmentMetrics {
  new Gauge({
    name: "fulfillment_shipments",
    help: "Shipments by status",
    labelNames: ["status"],
    registers: [registry],
    async collect() {
      try {
        const counts = await shipments.byStatus();
        for (const status of STATUSES) this.set({ status }, counts.get(status) ?? 0);
      } catch (err) {
        // A scrape while the database is away shows the last known figures rather than failing.
        log.warn({ err }, "could not count shipments for metrics");
      }
    },
  });
  return {
    shipCommands: new Counter({
      name: "fulfillment_ship_commands_total",
      help: "fulfillment.ship commands handled, by outcome (created, repeat, duplicate)",
      labelNames: ["outcome"],
      registers: [registry],
    }),
    carrierSteps: new Counter({
      name: "fulfillment_carrier_steps_total",
      help: "Steps the carrier moved parcels, by the status they reached",
      labelNames: ["to"],
      registers: [registry],
    }),
  };
}
