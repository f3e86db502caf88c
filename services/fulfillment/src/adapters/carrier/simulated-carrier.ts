// The simulated carrier, standing in for a real carrier's tracking updates (a real carrier's adapter
// would sit beside it): a loop that moves due parcels one step along their journey. It is driven
// entirely by the database (status and next_step_at), so a restarted worker carries on where the last
// one stopped, and parcels are taken under FOR UPDATE SKIP LOCKED, so several loops share the work
// without ever moving the same parcel twice.
import {
  createEnvelope,
  orderDeliveredV1,
  orderShippedV1,
  shipmentProgressedV1,
  TOPICS,
} from "@emporium/contracts";
import { enqueue, type OutboxMessage } from "@emporium/messaging";
import { applySteps, lockDueShipments, type DueShipment } from "../sql/shipments";
import { nextStep, type Announcement, type Step } from "../../domain/journey";
import type { FulfillmentContext } from "../../consumers/context";

export interface CarrierOptions {
  /** How often to look for due parcels when the last look found fewer than a batch (default 1 s). */
  pollMs?: number;
  /** Parcels moved per transaction (default 50). */
  batchSize?: number;
}

function announcement(kind: Announcement, s: DueShipment, step: Step): OutboxMessage {
  const ids = { orderId: s.orderId, shipmentId: s.id };
  const envelope =
    kind === "shipped"
      ? createEnvelope(orderShippedV1, s.orderId, {
          ...ids,
          carrier: s.carrier,
          trackingNumber: s.trackingNumber,
        })
      : kind === "delivered"
        ? createEnvelope(orderDeliveredV1, s.orderId, ids)
        : createEnvelope(shipmentProgressedV1, s.orderId, { ...ids, status: step.to });
  return { kind: "event", topic: TOPICS.fulfillment, envelope };
}

export class SimulatedCarrier {
  private readonly pollMs: number;
  private readonly batchSize: number;
  private running = false;
  private loop: Promise<void> | null = null;
  private wake: (() => void) | null = null;

  constructor(
    private readonly ctx: FulfillmentContext,
    options: CarrierOptions = {},
  ) {
    this.pollMs = options.pollMs ?? 1_000;
    this.batchSize = options.batchSize ?? 50;
  }

  /** Moves every parcel due now by one step (up to a batch); returns how many moved. */
  async tick(): Promise<number> {
    const now = this.ctx.clock();
    const moved = await this.ctx.db.transaction(async (tx) => {
      const due = await lockDueShipments(tx, now, this.batchSize);
      const planned = due.flatMap((shipment) => {
        const step = nextStep(shipment.status);
        if (!step) return [];
        const nextStepAt = step.delivers ? null : new Date(now.getTime() + this.ctx.stepMs);
        return [{ shipment, id: shipment.id, step, nextStepAt }];
      });
      const applied = await applySteps(tx, planned, now);
      const done = planned.filter((p) => applied.has(p.id));
      await enqueue(
        tx,
        "fulfillment",
        done.flatMap(({ shipment, step }) => step.announce.map((kind) => announcement(kind, shipment, step))),
      );
      return done;
    });
    for (const { shipment, step } of moved) {
      this.ctx.metrics.carrierSteps.inc({ to: step.to });
      this.ctx.log.info(
        { orderId: shipment.orderId, shipmentId: shipment.id, from: step.from, to: step.to },
        "parcel moved on",
      );
    }
    return moved.length;
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    this.loop = this.run();
  }

  /** Stops looking for parcels and waits for a step in progress to commit. */
  async stop(): Promise<void> {
    this.running = false;
    this.wake?.();
    await this.loop;
    this.loop = null;
  }

  private async run(): Promise<void> {
    while (this.running) {
      let moved = 0;
      try {
        moved = await this.tick();
      } catch (err) {
        this.ctx.log.warn({ err }, "carrier step failed; will try again");
      }
      // A full batch means more may be due: go again at once; otherwise wait for the next look.
      if (this.running && moved < this.batchSize) await this.pause();
    }
  }

  private pause(): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(done, this.pollMs);
      function done() {
        clearTimeout(timer);
        resolve();
      }
      this.wake = done;
    });
  }
}
