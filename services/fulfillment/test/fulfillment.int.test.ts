// The fulfillment worker on PGlite and PostgreSQL, with packing slips in a local folder (and on S3 when
// TEST_S3_ENDPOINT names a server): shipping an order, repeated commands, the carrier's journey to the
// door, restarts, two carrier loops at once, and the whole worker over the in-process buses.
import { randomUUID } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { PDFDocument } from "pdf-lib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  createEnvelope,
  envelopeSchema,
  orderDeliveredV1,
  orderShippedV1,
  readMessage,
  shipmentCreatedV1,
  shipmentProgressedV1,
  shipOrderV1,
  TOPICS,
  QUEUES,
  type Envelope,
} from "@emporium/contracts";
import type { Database } from "@emporium/db";
import { embeddedTestDatabase, testDatabaseTargets, type TestDatabase } from "@emporium/db/testing";
import {
  InProcessCommandBus,
  InProcessEventBus,
  PermanentMessageError,
  type MessageHandler,
} from "@emporium/messaging";
import { createLogger, createServiceMetrics } from "@emporium/observability";
import { LocalFolderStore, type ObjectStore } from "@emporium/storage";
import { s3TestTarget } from "@emporium/storage/testing";
import { waitFor } from "@emporium/testkit";
import { SimulatedCarrier } from "../src/adapters/carrier/simulated-carrier";
import { isValidTrackingNumber } from "../src/domain/tracking-number";
import { sqlShipmentCounts } from "../src/adapters/sql/shipments";
import { createFulfillmentMetrics } from "../src/app/metrics";
import type { FulfillmentContext } from "../src/consumers/context";
import { packingSlipKey, shipConsumer } from "../src/consumers/ship";
import { createFulfillmentWorker } from "../src/service";

const log = createLogger({ service: "fulfillment-test", level: process.env.TEST_LOG_LEVEL ?? "silent" });
const s3 = s3TestTarget("fulfillment packing slips on S3");
const STEP_MS = 60_000;
const delivery = { source: QUEUES.fulfillmentShip, attempt: 1 };

function shipCommand(
  orderId: string,
  overrides: { shippingMethod?: string; number?: string } = {},
): Envelope {
  return createEnvelope(shipOrderV1, orderId, {
    orderId,
    number: overrides.number ?? `EMP-${orderId.slice(0, 6).toUpperCase()}`,
    email: "ada@example.com",
    shippingMethod: overrides.shippingMethod ?? "standard",
    address: {
      name: "Ada Lovelace",
      line1: "12 St James's Square",
      city: "London",
      postalCode: "SW1Y 4JH",
      country: "GB",
    },
    lines: [
      {
        variantId: randomUUID(),
        sku: "TEE-NAVY-M",
        title: "Organic cotton tee",
        quantity: 2,
        unitPrice: 2500,
      },
      { variantId: randomUUID(), sku: "MUG-STONE", title: "Stoneware mug", quantity: 1, unitPrice: 1800 },
    ],
  });
}

/**
 * A clock the test moves by hand. Tests share a database, so each carrier test keeps to an era of its
 * own: parcels shipped at the default start (2100) are never due for the carrier tests (2030, 2031) or
 * for the worker on the real clock.
 */
function manualClock(start = new Date("2100-01-01T00:00:00Z")) {
  let now = start;
  return {
    now: () => now,
    advance(ms: number) {
      now = new Date(now.getTime() + ms);
    },
  };
}

function makeContext(db: Database, store: ObjectStore, clock: () => Date): FulfillmentContext {
  const registry = createServiceMetrics("fulfillment-test").registry;
  return {
    db,
    log,
    store,
    clock,
    stepMs: STEP_MS,
    metrics: createFulfillmentMetrics(registry, sqlShipmentCounts(db.sql), log),
  };
}

async function outboxFor(db: Database, orderId: string): Promise<Envelope[]> {
  const rows = await db.prisma.fulfillmentOutbox.findMany({
    where: { aggregateId: orderId },
    orderBy: { seq: "asc" },
  });
  return rows.map((r) => envelopeSchema.parse(r.payload));
}

/** Each event's type, with the status for progress events: what the saga and the shopper see. */
function story(events: Envelope[]): string[] {
  return events.map((e) =>
    e.type === shipmentProgressedV1.type
      ? `progressed ${readMessage(e, shipmentProgressedV1).data.status}`
      : e.type,
  );
}

/** What the saga hears about a parcel from label to door, in order. */
const WHOLE_JOURNEY = [
  shipmentCreatedV1.type,
  orderShippedV1.type,
  "progressed IN_TRANSIT",
  "progressed OUT_FOR_DELIVERY",
  "progressed DELIVERED",
  orderDeliveredV1.type,
];

async function counterTotal(ctx: FulfillmentContext): Promise<number> {
  return (await ctx.metrics.carrierSteps.get()).values.reduce((n, v) => n + v.value, 0);
}

describe.each(testDatabaseTargets("fulfillment worker"))("fulfillment on $name", (target) => {
  let t: TestDatabase;
  let dir: string;
  let store: LocalFolderStore;

  beforeAll(async () => {
    t = await target.create();
    dir = await mkdtemp(path.join(tmpdir(), "emporium-fulfillment-"));
    store = new LocalFolderStore(dir);
  });
  afterAll(async () => {
    await t?.dispose();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it("ships an order: stores its packing slip, creates the shipment and announces it", async () => {
    const clock = manualClock();
    const ctx = makeContext(t.db, store, clock.now);
    const orderId = randomUUID();
    await shipConsumer(ctx)(
      shipCommand(orderId, { shippingMethod: "express", number: "EMP-20001" }),
      delivery,
    );

    const slip = await store.get(packingSlipKey(orderId));
    expect(slip?.contentType).toBe("application/pdf");
    expect(slip?.body.subarray(0, 5).toString("latin1")).toBe("%PDF-");
    const pdf = await PDFDocument.load(slip?.body ?? new Uint8Array());
    expect(pdf.getPageCount()).toBe(1);
    expect(pdf.getTitle()).toBe("Packing slip for order EMP-20001");

    const shipment = await t.db.prisma.shipment.findUniqueOrThrow({ where: { orderId } });
    expect(shipment).toMatchObject({
      status: "LABEL_CREATED",
      orderNumber: "EMP-20001",
      carrier: "DHL Express",
      packingSlipKey: `packing-slips/${orderId}.pdf`,
      nextStepAt: new Date(clock.now().getTime() + STEP_MS),
      shippedAt: null,
    });
    expect(shipment.trackingNumber).toMatch(/^DX\d{11}$/);
    expect(isValidTrackingNumber(shipment.trackingNumber ?? "")).toBe(true);

    const [created, ...rest] = await outboxFor(t.db, orderId);
    expect(rest).toEqual([]);
    expect(created && readMessage(created, shipmentCreatedV1).data).toEqual({
      orderId,
      shipmentId: shipment.id,
      carrier: "DHL Express",
      trackingNumber: shipment.trackingNumber,
      packingSlipKey: `packing-slips/${orderId}.pdf`,
    });
    expect(created?.aggregateId).toBe(orderId);
  });

  it("answers repeated commands for an order with its one shipment, also when they race", async () => {
    const ctx = makeContext(t.db, store, manualClock().now);
    const handle = shipConsumer(ctx);
    const orderId = randomUUID();
    const first = shipCommand(orderId);
    await Promise.all([
      handle(first, delivery),
      handle(shipCommand(orderId), delivery),
      handle(shipCommand(orderId), delivery),
    ]);
    await handle(first, { ...delivery, attempt: 2 }); // the broker redelivers the first one
    await handle(shipCommand(orderId, { shippingMethod: "express" }), delivery);

    const shipments = await t.db.prisma.shipment.findMany({ where: { orderId } });
    expect(shipments).toHaveLength(1);
    const events = await outboxFor(t.db, orderId);
    // One answer per distinct command (four of them); the redelivered one changes nothing.
    expect(events.map((e) => e.type)).toEqual(Array(4).fill(shipmentCreatedV1.type));
    for (const e of events)
      expect(readMessage(e, shipmentCreatedV1).data).toMatchObject({
        shipmentId: shipments[0]?.id,
        carrier: "Parcelforce",
        trackingNumber: shipments[0]?.trackingNumber,
      });
    const outcomes = (await ctx.metrics.shipCommands.get()).values.map(
      (v) => `${v.labels.outcome}=${v.value}`,
    );
    expect(outcomes.sort()).toEqual(["created=1", "duplicate=1", "repeat=3"]);
  });

  it("commits no shipment when the slip cannot be stored, and ships once storage is back", async () => {
    const orderId = randomUUID();
    const broken: ObjectStore = {
      description: "broken",
      put: async () => {
        throw new Error("S3 is down");
      },
      get: async () => null,
      exists: async () => false,
      delete: async () => undefined,
    };
    const command = shipCommand(orderId);
    await expect(
      shipConsumer(makeContext(t.db, broken, manualClock().now))(command, delivery),
    ).rejects.toThrow(/S3 is down/);
    expect(await t.db.prisma.shipment.count({ where: { orderId } })).toBe(0);
    expect(await outboxFor(t.db, orderId)).toEqual([]);

    // The broker retries the same message; it was not marked as processed, so it now goes through.
    await shipConsumer(makeContext(t.db, store, manualClock().now))(command, { ...delivery, attempt: 2 });
    expect(await t.db.prisma.shipment.count({ where: { orderId } })).toBe(1);
    expect(await store.exists(packingSlipKey(orderId))).toBe(true);
  });

  it("dead-letters a command whose shipping method it does not know", async () => {
    const orderId = randomUUID();
    const handle = shipConsumer(makeContext(t.db, store, manualClock().now));
    await expect(handle(shipCommand(orderId, { shippingMethod: "pigeon" }), delivery)).rejects.toBeInstanceOf(
      PermanentMessageError,
    );
    expect(await t.db.prisma.shipment.count({ where: { orderId } })).toBe(0);
    expect(await store.exists(packingSlipKey(orderId))).toBe(false);
  });

  it("carries a parcel to the door one step at a time, announcing each step in order, across restarts", async () => {
    const clock = manualClock(new Date("2030-01-01T08:00:00Z"));
    const ctx = makeContext(t.db, store, clock.now);
    const orderId = randomUUID();
    await shipConsumer(ctx)(shipCommand(orderId), delivery);
    const status = async () => (await t.db.prisma.shipment.findUniqueOrThrow({ where: { orderId } })).status;

    // Not due yet: nothing moves.
    await new SimulatedCarrier(ctx).tick();
    expect(await status()).toBe("LABEL_CREATED");

    // Each step by a new carrier instance, as after a restart: the database says where the parcel is.
    const seen: string[] = [];
    for (;;) {
      clock.advance(STEP_MS);
      await new SimulatedCarrier(ctx).tick();
      const now = await status();
      if (seen.at(-1) === now) break;
      seen.push(now);
    }
    expect(seen).toEqual(["IN_TRANSIT", "OUT_FOR_DELIVERY", "DELIVERED"]);

    const shipment = await t.db.prisma.shipment.findUniqueOrThrow({ where: { orderId } });
    expect(shipment.nextStepAt).toBeNull();
    expect(shipment.shippedAt).toEqual(new Date("2030-01-01T08:01:00Z"));
    expect(shipment.deliveredAt).toEqual(new Date("2030-01-01T08:03:00Z"));

    const events = await outboxFor(t.db, orderId);
    expect(story(events)).toEqual(WHOLE_JOURNEY);
    const shipped = events.find((e) => e.type === orderShippedV1.type);
    expect(shipped && readMessage(shipped, orderShippedV1).data).toEqual({
      orderId,
      shipmentId: shipment.id,
      carrier: "Parcelforce",
      trackingNumber: shipment.trackingNumber,
    });
    expect(events.every((e) => e.aggregateId === orderId)).toBe(true);

    // A delivered parcel stays delivered, however late it gets.
    clock.advance(10 * STEP_MS);
    await new SimulatedCarrier(ctx).tick();
    expect(await outboxFor(t.db, orderId)).toHaveLength(6);

    const metrics = await ctx.metrics.carrierSteps.get();
    const byStatus = Object.fromEntries(metrics.values.map((v) => [String(v.labels.to), v.value]));
    expect(byStatus).toMatchObject({ IN_TRANSIT: 1, OUT_FOR_DELIVERY: 1, DELIVERED: 1 });
  });

  it.runIf(target.name === "postgres")(
    "never moves a parcel twice when two carrier loops run at once (FOR UPDATE SKIP LOCKED)",
    async () => {
      const clock = manualClock(new Date("2031-06-01T00:00:00Z"));
      const ctxA = makeContext(t.db, store, clock.now);
      const ctxB = makeContext(t.db, store, clock.now);
      const orderIds = Array.from({ length: 40 }, () => randomUUID());
      const handle = shipConsumer(ctxA);
      for (const orderId of orderIds) await handle(shipCommand(orderId), delivery);

      clock.advance(STEP_MS);
      const a = new SimulatedCarrier(ctxA, { batchSize: 4 });
      const b = new SimulatedCarrier(ctxB, { batchSize: 4 });
      for (;;) {
        const moved = await Promise.all([a.tick(), b.tick()]);
        if (moved[0] === 0 && moved[1] === 0) break;
      }

      const mine = await t.db.prisma.shipment.findMany({ where: { orderId: { in: orderIds } } });
      expect(mine.map((s) => s.status)).toEqual(Array(40).fill("IN_TRANSIT"));
      for (const orderId of orderIds)
        expect(story(await outboxFor(t.db, orderId))).toEqual([
          shipmentCreatedV1.type,
          orderShippedV1.type,
          "progressed IN_TRANSIT",
        ]);
      // Both loops did part of the work: they really ran side by side.
      const [byA, byB] = [await counterTotal(ctxA), await counterTotal(ctxB)];
      expect(byA).toBeGreaterThan(0);
      expect(byB).toBeGreaterThan(0);
      expect(byA + byB).toBe(40);
    },
  );

  it("runs as a worker: a command on the bus becomes a delivered parcel, its events on the fulfillment topic", async () => {
    const events = new InProcessEventBus(log, { delaysMs: [50] });
    const commands = new InProcessCommandBus(log, { delaysMs: [50] });
    const metrics = createServiceMetrics("fulfillment-worker-test");
    const worker = createFulfillmentWorker({
      db: t.db,
      events,
      commands,
      log,
      metrics,
      store,
      carrierStepMs: 20,
      carrierPollMs: 10,
    });
    const orderId = randomUUID();
    const seen: string[] = [];
    const record: MessageHandler = async (e) => {
      if (e.aggregateId === orderId) seen.push(...story([e]));
    };
    await events.subscribe({
      group: "saga",
      topics: [TOPICS.fulfillment],
      fromBeginning: true,
      handle: record,
    });
    await worker.start();
    try {
      await commands.send(QUEUES.fulfillmentShip, shipCommand(orderId));
      await waitFor(() => seen.includes(orderDeliveredV1.type), {
        timeoutMs: 15_000,
        what: "the delivery",
      });
      expect(seen).toEqual(WHOLE_JOURNEY);
      const exposition = (await metrics.render()).body;
      expect(exposition).toMatch(
        /fulfillment_shipments\{status="DELIVERED",service="fulfillment-worker-test"\} [1-9]/,
      );
      expect(exposition).toMatch(
        /fulfillment_carrier_steps_total\{to="DELIVERED",service="fulfillment-worker-test"\} 1/,
      );
    } finally {
      await worker.stop();
      await commands.close();
      await events.close();
    }
  });
});

describe("fulfillment with packing slips on S3", () => {
  it.runIf(s3.available)(
    "stores the packing slip in the bucket before the shipment is committed",
    async () => {
      const t = await embeddedTestDatabase().create();
      const { store, dispose } = await s3.create();
      try {
        const orderId = randomUUID();
        await shipConsumer(makeContext(t.db, store, manualClock().now))(shipCommand(orderId), delivery);
        const slip = await store.get(packingSlipKey(orderId));
        expect(slip?.contentType).toBe("application/pdf");
        expect((await PDFDocument.load(slip?.body ?? new Uint8Array())).getPageCount()).toBe(1);
        const [created] = await outboxFor(t.db, orderId);
        expect(created && readMessage(created, shipmentCreatedV1).data.packingSlipKey).toBe(
          packingSlipKey(orderId),
        );
      } finally {
        await dispose();
        await t.dispose();
      }
    },
  );
});
