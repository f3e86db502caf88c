// The staff stock API on PGlite and PostgreSQL: adjustments recorded with their reason and announced
// on the bus for the catalog's read model, bad input refused by field with nothing changed, thresholds
// and the low-stock list, adjustments racing reservations, and the authorization walk over every
// procedure.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Principal } from "@emporium/auth";
import {
  summarizeMatrix,
  TEST_PRINCIPALS,
  walkPermissionMatrix,
  type GuardedProcedure,
} from "@emporium/auth/testing";
import {
  createEnvelope,
  readMessage,
  reserveStockV1,
  stockChangedV1,
  TOPICS,
  type Envelope,
} from "@emporium/contracts";
import { testDatabaseTargets } from "@emporium/db/testing";
import { InProcessEventBus, OutboxRelay } from "@emporium/messaging";
import { zodIssuePath } from "@emporium/runtime";
import { createServiceMetrics } from "@emporium/observability";
import { waitFor } from "@emporium/testkit";
import { Counter } from "prom-client";
import { ZodError } from "zod";
import { InvalidInputError, NotFoundError } from "@emporium/service-kit/errors";
import { reserveConsumer } from "../src/consumers/reserve";
import { appRouter } from "../src/api/router/_app";
import {
  createInventoryApiFixture,
  log,
  refusal,
  type Caller,
  type InventoryApiFixture,
} from "./api-fixture";

const manager = TEST_PRINCIPALS.manager as Principal;
const support = TEST_PRINCIPALS.support as Principal;

/** The input field a refusal names (what the HTTP answer carries as data.field). */
function fieldOf(err: { cause?: unknown }): string | undefined {
  const cause = err.cause;
  if (cause instanceof InvalidInputError || cause instanceof NotFoundError) return cause.field;
  if (cause instanceof ZodError) return cause.issues[0] ? zodIssuePath(cause.issues[0]) : undefined;
  return undefined;
}

describe.each(testDatabaseTargets("inventory staff API"))("inventory staff API on $name", (target) => {
  let f: InventoryApiFixture;
  const asManager = (): Caller => f.as(manager);
  const locations = [randomUUID(), randomUUID()];

  beforeAll(async () => {
    f = await createInventoryApiFixture(target);
    await f.db.prisma.location.createMany({
      data: locations.map((id, i) => ({ id, code: `T${i}`, name: `Test location ${i}`, country: "DE" })),
    });
  });
  afterAll(() => f?.dispose());

  /** A variant of the inventory's own, stocked at the first test location only. */
  async function newVariant(onHand: number, reserved = 0): Promise<string> {
    const variantId = randomUUID();
    await f.db.prisma.stockLevel.create({
      data: {
        locationId: locations[0] ?? "",
        variantId,
        sku: `T-${variantId.slice(0, 8)}`,
        onHand,
        reserved,
        available: onHand - reserved,
      },
    });
    return variantId;
  }

  /** Everything an adjustment may touch, to prove a refusal changed none of it. */
  async function snapshot() {
    const [levels, adjustments, outbox] = await Promise.all([
      f.db.prisma.stockLevel.findMany({ orderBy: [{ variantId: "asc" }, { locationId: "asc" }] }),
      f.db.prisma.stockAdjustment.count(),
      f.db.prisma.inventoryOutbox.count(),
    ]);
    return { levels: levels.map(({ updatedAt: _, ...l }) => l), adjustments, outbox };
  }

  it("records an adjustment with its reason, who and when, and announces the new total", async () => {
    const variantId = await newVariant(10, 3);
    const [at] = locations as [string];
    const result = await asManager().admin.stock.adjust({
      variantId,
      locationId: at,
      delta: 5,
      reason: "received",
      note: "  PO 1234  ",
    });
    expect(result.level).toMatchObject({ onHand: 15, reserved: 3, available: 12 });
    expect(result.adjustment).toMatchObject({
      delta: 5,
      onHandAfter: 15,
      reason: "received",
      note: "PO 1234",
      by: "manager@example.com",
      locationName: "Test location 0",
    });

    // A count: the delta is worked out from the figure found.
    const counted = await asManager().admin.stock.adjust({
      variantId,
      locationId: at,
      onHand: 9,
      reason: "recount",
    });
    expect(counted.adjustment).toMatchObject({ delta: -6, onHandAfter: 9, note: null });

    const stored = await f.db.prisma.stockAdjustment.findMany({
      where: { variantId },
      orderBy: { createdAt: "asc" },
    });
    expect(stored.map((a) => [a.delta, a.reason, a.actorId])).toEqual([
      [5, "received", manager.kind === "staff" ? manager.userId : ""],
      [-6, "recount", manager.kind === "staff" ? manager.userId : ""],
    ]);

    const overview = await f.as(support).admin.stock.byVariants({ variantIds: [variantId] });
    const [v] = overview.variants;
    expect(v).toMatchObject({ variantId, onHand: 9, reserved: 3, available: 6 });
    const here = v?.locations.find((l) => l.locationId === at);
    expect(here).toMatchObject({ stocked: true, onHand: 9, available: 6, lowStockThreshold: 5 });
    expect(v?.locations.find((l) => l.locationId === locations[1])).toMatchObject({ stocked: false });
    expect(overview.adjustments.map((a) => a.reason)).toEqual(["recount", "received"]);

    const events = await f.db.prisma.inventoryOutbox.findMany({
      where: { aggregateId: variantId, type: stockChangedV1.type },
      orderBy: { seq: "asc" },
    });
    expect(events.map((e) => (e.payload as unknown as Envelope).data)).toEqual([
      { variantId, sku: expect.any(String), available: 12 },
      { variantId, sku: expect.any(String), available: 6 },
    ]);
  });

  it("receives stock into a location that did not stock the variant yet", async () => {
    const variantId = await newVariant(2);
    const result = await asManager().admin.stock.adjust({
      variantId,
      locationId: locations[1] ?? "",
      delta: 4,
      reason: "received",
    });
    expect(result.level).toMatchObject({ stocked: true, onHand: 4, available: 4 });
    const overview = await asManager().admin.stock.byVariants({ variantIds: [variantId] });
    expect(overview.variants[0]).toMatchObject({ onHand: 6, available: 6 });
  });

  it("refuses bad input by field and changes nothing", async () => {
    const variantId = await newVariant(4, 3);
    const [at] = locations as [string];
    const before = await snapshot();
    const cases: [string, () => Promise<unknown>, "BAD_REQUEST" | "NOT_FOUND", string, RegExp][] = [
      [
        "no reason",
        // @ts-expect-error the reason is required: a caller without one is refused at run time too
        () => asManager().admin.stock.adjust({ variantId, locationId: at, delta: 1 }),
        "BAD_REQUEST",
        "reason",
        /reason is required/,
      ],
      [
        "unknown reason",
        () =>
          asManager().admin.stock.adjust({
            variantId,
            locationId: at,
            delta: 1,
            reason: "stolen" as "lost",
          }),
        "BAD_REQUEST",
        "reason",
        /received, damaged, lost, recount, returned, correction/,
      ],
      [
        "below reserved",
        () => asManager().admin.stock.adjust({ variantId, locationId: at, delta: -2, reason: "damaged" }),
        "BAD_REQUEST",
        "delta",
        /at most 1 can be removed here \(4 on hand, 3 reserved for orders\)/,
      ],
      [
        "a count below reserved",
        () => asManager().admin.stock.adjust({ variantId, locationId: at, onHand: 0, reason: "recount" }),
        "BAD_REQUEST",
        "onHand",
        /reserved/,
      ],
      [
        "received with a negative delta",
        () => asManager().admin.stock.adjust({ variantId, locationId: at, delta: -1, reason: "received" }),
        "BAD_REQUEST",
        "delta",
        /must add units/,
      ],
      [
        "both a delta and a count",
        () =>
          asManager().admin.stock.adjust({
            variantId,
            locationId: at,
            delta: 1,
            onHand: 5,
            reason: "recount",
          }),
        "BAD_REQUEST",
        "delta",
        /either a delta or/,
      ],
      [
        "unknown variant",
        () =>
          asManager().admin.stock.adjust({
            variantId: randomUUID(),
            locationId: at,
            delta: 1,
            reason: "received",
          }),
        "NOT_FOUND",
        "variantId",
        /no stock/,
      ],
      [
        "unknown location",
        () =>
          asManager().admin.stock.adjust({
            variantId,
            locationId: randomUUID(),
            delta: 1,
            reason: "received",
          }),
        "NOT_FOUND",
        "locationId",
        /no such stock location/,
      ],
      [
        "a note too long",
        () =>
          asManager().admin.stock.adjust({
            variantId,
            locationId: at,
            delta: 1,
            reason: "received",
            note: "x".repeat(501),
          }),
        "BAD_REQUEST",
        "note",
        /at most 500/,
      ],
      [
        "a threshold out of range",
        () => asManager().admin.stock.setThreshold({ variantId, locationId: at, threshold: 100_001 }),
        "BAD_REQUEST",
        "threshold",
        /at most 100000/,
      ],
      [
        "a threshold for an unknown variant",
        () => asManager().admin.stock.setThreshold({ variantId: randomUUID(), locationId: at, threshold: 1 }),
        "NOT_FOUND",
        "variantId",
        /no stock/,
      ],
    ];
    for (const [what, call, code, field, message] of cases) {
      const err = await refusal(call(), code);
      expect(fieldOf(err), what).toBe(field);
      expect(err.message, what).toMatch(message);
    }
    expect(await snapshot()).toEqual(before);
  });

  it("keeps available at zero or more while adjustments race reservations", async () => {
    const variantId = await newVariant(12);
    const sku = `T-${variantId.slice(0, 8)}`;
    const [at] = locations as [string];
    const reserve = reserveConsumer({
      db: f.db,
      log,
      reservations: new Counter({
        name: "race_reservations_total",
        help: "x",
        labelNames: ["outcome"],
        registers: [createServiceMetrics("race").registry],
      }),
    });
    const orders = Array.from({ length: 12 }, () => randomUUID());
    const results = await Promise.allSettled([
      ...orders.map((orderId) =>
        reserve(
          createEnvelope(reserveStockV1, orderId, {
            orderId,
            lines: [{ variantId, sku, quantity: 1 }],
            expiresAt: new Date(Date.now() + 60_000).toISOString(),
          }),
          { source: "inventory.reserve", attempt: 1 },
        ),
      ),
      ...Array.from({ length: 8 }, () =>
        asManager().admin.stock.adjust({ variantId, locationId: at, delta: -1, reason: "damaged" }),
      ),
    ]);
    const level = await f.db.prisma.stockLevel.findFirstOrThrow({ where: { variantId, locationId: at } });
    const adjustments = await f.db.prisma.stockAdjustment.count({ where: { variantId } });
    expect(level.available).toBeGreaterThanOrEqual(0);
    expect(level.onHand - level.reserved).toBe(level.available);
    // Every unit is accounted for: reserved by an order, written off, or still available.
    expect(level.reserved + adjustments + level.available).toBe(12);
    // Refused adjustments are 400s that say why, never 500s.
    for (const r of results.slice(orders.length))
      if (r.status === "rejected") expect(String(r.reason)).toMatch(/reserved/);
  });

  it("sets thresholds and lists variants at or under their own", async () => {
    const variantId = await newVariant(8);
    const [at] = locations as [string];
    const allLow = async () => {
      const ids: string[] = [];
      for (let page = 1; ; page++) {
        const p = await f.as(support).admin.stock.low({ page, limit: 100 });
        ids.push(...p.items.map((i) => i.variantId));
        if (page >= p.pageCount) return { ids, total: p.total, items: p.items };
      }
    };
    expect((await allLow()).ids).not.toContain(variantId);
    const level = await asManager().admin.stock.setThreshold({ variantId, locationId: at, threshold: 8 });
    expect(level).toMatchObject({ lowStockThreshold: 8, low: true });
    const low = await allLow();
    expect(low.ids).toContain(variantId);
    const [expected] = await f.db.prisma.$queryRaw<{ n: number }[]>`
      SELECT count(*)::int AS n FROM (SELECT variant_id FROM inventory.stock_levels GROUP BY variant_id
        HAVING sum(available) <= sum(low_stock_threshold)) x`;
    expect(low.total).toBe(expected?.n);
    expect(low.ids).toHaveLength(low.total);

    const page = await f.as(support).admin.stock.low({ limit: 2 });
    expect(page.items).toHaveLength(Math.min(2, low.total));
    expect(page.items[0]?.available ?? 0).toBeLessThanOrEqual(page.items[1]?.available ?? Infinity);

    await asManager().admin.stock.setThreshold({ variantId, locationId: at, threshold: 0 });
    expect((await allLow()).ids).not.toContain(variantId);
  });

  // The inventory's half of the catalog's stock read model: the adjustment leaves through the outbox as
  // the contract's stock-changed event with the variant's new total. The catalog's half (its consumer
  // applying that event) is tested in the catalog's own stock-read-model suite.
  it("announces an adjustment through the outbox and the bus as the variant's new total", async () => {
    const events = new InProcessEventBus(log);
    const relay = new OutboxRelay({ db: f.db, schema: "inventory", events, log, pollMs: 200 });
    const received: Envelope[] = [];
    const subscription = await events.subscribe({
      group: "stock-changed-test",
      topics: [TOPICS.inventory],
      fromBeginning: true,
      handle: async (envelope) => void received.push(envelope),
    });
    await relay.start();
    try {
      const level = await f.db.prisma.stockLevel.findFirstOrThrow({
        where: { available: { gt: 0 } },
        orderBy: [{ sku: "asc" }, { locationId: "asc" }],
      });
      const levels = await f.db.prisma.stockLevel.findMany({ where: { variantId: level.variantId } });
      const before = levels.reduce((n, l) => n + l.available, 0);
      await asManager().admin.stock.adjust({
        variantId: level.variantId,
        locationId: level.locationId,
        delta: 7,
        reason: "returned",
      });
      const announced = await waitFor(
        () =>
          received
            .filter((e) => e.type === stockChangedV1.type && e.aggregateId === level.variantId)
            .map((e) => readMessage(e, stockChangedV1).data)
            .find((d) => d.available === before + 7) ?? null,
        { what: "the adjustment's stock-changed event on the bus" },
      );
      expect(announced).toEqual({ variantId: level.variantId, sku: level.sku, available: before + 7 });
    } finally {
      await relay.stop();
      await subscription.stop();
      await events.close();
    }
  });

  it("allows each staff procedure exactly where the permission matrix does", async () => {
    const variantId = await newVariant(100_000);
    const [at] = locations as [string];
    const procedures: Record<string, GuardedProcedure<Caller>> = {
      "admin.stock.byVariants": {
        permission: "inventory.stock.read",
        call: (c) => c.admin.stock.byVariants({ variantIds: [variantId] }),
      },
      "admin.stock.locations": { permission: "inventory.stock.read", call: (c) => c.admin.stock.locations() },
      "admin.stock.low": { permission: "inventory.stock.read", call: (c) => c.admin.stock.low({}) },
      "admin.stock.adjust": {
        permission: "inventory.stock.adjust",
        call: (c) => c.admin.stock.adjust({ variantId, locationId: at, delta: -1, reason: "lost" }),
      },
      "admin.stock.setLevels": {
        permission: "inventory.stock.adjust",
        call: (c) =>
          c.admin.stock.setLevels({
            idempotencyKey: randomUUID(),
            variants: [
              { variantId, sku: "IGNORED", locations: [{ locationId: locations[1] ?? "", onHand: 0 }] },
            ],
          }),
      },
      "admin.stock.setThreshold": {
        permission: "inventory.stock.adjust",
        call: (c) => c.admin.stock.setThreshold({ variantId, locationId: at, threshold: 3 }),
      },
    };
    // Every admin procedure the router has must be in the walk: a new one without an entry fails here.
    const adminPaths = Object.keys(appRouter._def.procedures).filter((p) => p.startsWith("admin."));
    expect(Object.keys(procedures).sort()).toEqual(adminPaths.sort());
    const { outcomes, unexpected } = await walkPermissionMatrix(procedures, (p) => f.as(p));
    console.log(summarizeMatrix(`inventory on ${target.name}`, outcomes, unexpected));
    expect(unexpected).toEqual([]);
    expect(outcomes).toHaveLength(adminPaths.length * Object.keys(TEST_PRINCIPALS).length);
    // Refused adjustments wrote nothing: one row per allowed caller (owner and manager).
    expect(await f.db.prisma.stockAdjustment.count({ where: { variantId } })).toBe(2);
  });
});
