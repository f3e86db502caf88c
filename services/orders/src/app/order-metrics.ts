// The orders service's business series: orders placed, confirmed, cancelled (by a fixed reason) and
// delivered; the value of confirmed orders (revenue, gross); placed→confirmed and per-saga-step latency; status changes; and the age of the oldest order
// the saga is still working on, read from the database at each scrape (what the "saga stalled" alert
// watches). Labels are fixed sets (steps, reasons, statuses), never an order's id.
import { toMajorUnits } from "@emporium/contracts/money";
import type { Logger } from "@emporium/observability";
import { Counter, Gauge, Histogram, type Registry } from "prom-client";
import { CANCEL_REASONS, SAGA_STEPS } from "../domain/saga-measures";
import type { Applied } from "./saga-steps";

export interface OrderMetrics {
  /** A new order was written (not a replay of an idempotency key). */
  placed(): void;
  /** A saga step or staff action was applied. */
  applied(result: Applied): void;
}

const LATENCY_BUCKETS = [0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 300, 900, 3600];

export function createOrderMetrics(registry: Registry): OrderMetrics {
  const registers = [registry];
  const placed = new Counter({ name: "orders_placed_total", help: "Orders placed", registers });
  const confirmed = new Counter({
    name: "orders_confirmed_total",
    help: "Orders confirmed (payment authorised)",
    registers,
  });
  const confirmedAmount = new Counter({
    name: "orders_confirmed_amount_total",
    help: "Total value of orders confirmed (payment authorised), in major units of their currency, before refunds",
    labelNames: ["currency"],
    registers,
  });
  const cancelled = new Counter({
    name: "orders_cancelled_total",
    help: `Orders cancelled, by reason (${CANCEL_REASONS.join(", ")})`,
    labelNames: ["reason"],
    registers,
  });
  const delivered = new Counter({ name: "orders_delivered_total", help: "Orders delivered", registers });
  const transitions = new Counter({
    name: "orders_status_transitions_total",
    help: "Order status changes made by the saga, by new status",
    labelNames: ["to"],
    registers,
  });
  const placedToConfirmed = new Histogram({
    name: "orders_placed_to_confirmed_seconds",
    help: "Time from an order placed to its payment authorised (confirmed)",
    buckets: LATENCY_BUCKETS,
    registers,
  });
  const stepSeconds = new Histogram({
    name: "saga_step_duration_seconds",
    help: `Time from a saga step's command sent to its reply handled, by step (${SAGA_STEPS.join(", ")})`,
    labelNames: ["step"],
    buckets: LATENCY_BUCKETS,
    registers,
  });
  for (const reason of CANCEL_REASONS) cancelled.inc({ reason }, 0);
  return {
    placed: () => placed.inc(),
    applied(result) {
      if (result.kind !== "applied") return;
      const { from, to, measures } = result;
      if (measures.latency) stepSeconds.observe({ step: measures.latency.step }, measures.latency.seconds);
      if (measures.placedToConfirmedSeconds !== null)
        placedToConfirmed.observe(measures.placedToConfirmedSeconds);
      if (from === to) return;
      transitions.inc({ to });
      if (to === "CONFIRMED") confirmed.inc();
      if (measures.confirmedTotal) {
        const { minor, currency } = measures.confirmedTotal;
        confirmedAmount.inc({ currency }, toMajorUnits(minor, currency));
      }
      if (to === "DELIVERED") delivered.inc();
      if (to === "CANCELLED") cancelled.inc({ reason: measures.cancelReason ?? "other" });
    },
  };
}

/**
 * `orders_oldest_unfinished_order_age_seconds`: how long ago the oldest order still PENDING or
 * CONFIRMED was placed — orders the saga is still moving (reserve, authorize, ship, capture). A SHIPPED
 * order waits only for the carrier's delivery, which takes days, so it is not counted. 0 when there is
 * none. Read from `oldestAgeSeconds` at each scrape.
 */
export function measureUnfinishedOrders(
  registry: Registry,
  oldestAgeSeconds: () => Promise<number | null>,
  log: Logger,
): void {
  new Gauge({
    name: "orders_oldest_unfinished_order_age_seconds",
    help: "Age of the oldest order still PENDING or CONFIRMED (the saga's own work), 0 when none",
    registers: [registry],
    async collect() {
      try {
        this.set((await oldestAgeSeconds()) ?? 0);
      } catch (err) {
        // A scrape while the database is away keeps the last reading; the outage shows elsewhere.
        log.warn({ err }, "could not read the oldest unfinished order for metrics");
      }
    },
  });
}
