// admin.stock.setLevels on PGlite and PostgreSQL: a product's whole variants × locations grid set in one
// save — levels the inventory has not opened yet included (a product created a moment ago, before the
// catalog's variants-added event arrived) — each change recorded as a recount with its audit event; one
// bad cell refuses the batch by its place and by SKU and location with nothing changed; the same key
// again changes nothing; and roles without inventory.stock.adjust are refused.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Principal } from "@emporium/auth";
import { TEST_PRINCIPALS } from "@emporium/auth/testing";
import { readMessage, staffActionV1, stockChangedV1, TOPICS, type Envelope } from "@emporium/contracts";
import { testDatabaseTargets } from "@emporium/db/testing";
import { InvalidInputError } from "@emporium/service-kit/errors";
import { createInventoryApiFixture, refusal, type InventoryApiFixture } from "./api-fixture";

const manager = TEST_PRINCIPALS.manager as Principal;
const support = TEST_PRINCIPALS.support as Principal;

describe.each(testDatabaseTargets("inventory stock grid"))("setting a stock grid on $name", (target) => {
  let f: InventoryApiFixture;
  const locations = [randomUUID(), randomUUID(), randomUUID()] as const;

  beforeAll(async () => {
    f = await createInventoryApiFixture(target);
    await f.db.prisma.location.createMany({
      data: locations.map((id, i) => ({ id, code: `G${i}`, name: `Grid location ${i}`, country: "DE" })),
    });
  });
  afterAll(() => f?.dispose());

  /** Variants the inventory has never heard of, as a product just created in the catalog has. */
  const newVariants = (n: number) =>
    Array.from({ length: n }, () => {
      const variantId = randomUUID();
      return { variantId, sku: `G-${variantId.slice(0, 8).toUpperCase()}` };
    });

  const grid = (variants: { variantId: string; sku: string }[], units: (v: number, l: number) => number) =>
    variants.map((v, i) => ({
      ...v,
      locations: locations.map((locationId, j) => ({ locationId, onHand: units(i, j) })),
    }));

  async function snapshot(variantIds: string[]) {
    const [levels, adjustments, outbox] = await Promise.all([
      f.db.prisma.stockLevel.findMany({
        where: { variantId: { in: variantIds } },
        orderBy: [{ variantId: "asc" }, { locationId: "asc" }],
      }),
      f.db.prisma.stockAdjustment.count(),
      f.db.prisma.inventoryOutbox.count(),
    ]);
    return { levels: levels.map(({ updatedAt: _, ...l }) => l), adjustments, outbox };
  }

  it("sets every variant at every location in one save, opening the levels it needs", async () => {
    const variants = newVariants(4);
    const from = (await f.db.prisma.inventoryOutbox.aggregate({ _max: { seq: true } }))._max.seq ?? 0n;
    // The grid's columns: every location, by code, for support staff too.
    const columns = await f.as(support).admin.stock.locations();
    expect(columns.filter((l) => l.code.startsWith("G")).map((l) => l.name)).toEqual([
      "Grid location 0",
      "Grid location 1",
      "Grid location 2",
    ]);
    const result = await f.as(manager).admin.stock.setLevels({
      idempotencyKey: randomUUID(),
      note: "Opening stock",
      variants: grid(variants, (v, l) => v * 10 + l + 1),
    });
    expect(result).toMatchObject({ changed: 12, replayed: false });
    expect(result.levels).toHaveLength(12);
    const overview = await f
      .as(support)
      .admin.stock.byVariants({ variantIds: variants.map((v) => v.variantId) });
    for (const [i, v] of overview.variants.entries()) {
      expect(v.sku).toBe(variants[i]?.sku);
      const own = v.locations.filter((l) => locations.includes(l.locationId as (typeof locations)[number]));
      expect(own.map((l) => [l.stocked, l.onHand, l.available])).toEqual([
        [true, i * 10 + 1, i * 10 + 1],
        [true, i * 10 + 2, i * 10 + 2],
        [true, i * 10 + 3, i * 10 + 3],
      ]);
    }
    const adjustments = await f.db.prisma.stockAdjustment.findMany({
      where: { variantId: { in: variants.map((v) => v.variantId) } },
    });
    expect(adjustments).toHaveLength(12);
    expect(new Set(adjustments.map((a) => `${a.reason}: ${a.note}`))).toEqual(
      new Set(["recount: Opening stock"]),
    );

    const rows = await f.db.prisma.inventoryOutbox.findMany({
      where: { seq: { gt: from } },
      orderBy: { seq: "asc" },
    });
    const stock = rows.filter((r) => r.type === stockChangedV1.type);
    expect(stock.map((r) => r.aggregateId).sort()).toEqual(variants.map((v) => v.variantId).sort());
    const audits = rows
      .filter((r) => r.topic === TOPICS.audit)
      .map((r) => readMessage(r.payload as unknown as Envelope, staffActionV1).data);
    expect(audits).toHaveLength(12);
    expect(audits[0]).toMatchObject({
      action: "stock.adjusted",
      target: { label: `${variants[0]?.sku} at Grid location 0` },
      reason: "recount: Opening stock",
    });

    // The catalog's variants-added arriving afterwards leaves the levels alone (opening is idempotent).
    const again = await f.as(manager).admin.stock.setLevels({
      idempotencyKey: randomUUID(),
      variants: grid(variants, (v, l) => (v === 0 && l === 0 ? 0 : v * 10 + l + 1)),
    });
    expect(again.changed).toBe(1);
  });

  it("refuses the whole grid for one bad cell, naming its variant and location, and changes nothing", async () => {
    const variants = newVariants(2);
    await f
      .as(manager)
      .admin.stock.setLevels({ idempotencyKey: randomUUID(), variants: grid(variants, () => 4) });
    // Three of the second variant's units at the second location are held for an order.
    const [, held] = variants;
    await f.db.prisma.stockLevel.update({
      where: { locationId_variantId: { locationId: locations[1], variantId: held?.variantId ?? "" } },
      data: { reserved: 3, available: 1 },
    });
    const ids = variants.map((v) => v.variantId);
    const before = await snapshot(ids);
    const cases: [string, (v: number, l: number) => number, string, RegExp][] = [
      [
        "below what is reserved",
        (v, l) => (v === 1 && l === 1 ? 2 : 9),
        "variants.1.locations.1.onHand",
        new RegExp(`${held?.sku} at Grid location 1: cannot be below the 3 units reserved for orders`),
      ],
      [
        "negative",
        (v, l) => (v === 0 && l === 2 ? -1 : 9),
        "variants.0.locations.2.onHand",
        /at Grid location 2: must not be negative/,
      ],
      [
        "a fraction",
        (v, l) => (v === 1 && l === 0 ? 1.5 : 9),
        "variants.1.locations.0.onHand",
        /whole number/,
      ],
      [
        "too many",
        (v, l) => (v === 0 && l === 0 ? 2_000_000 : 9),
        "variants.0.locations.0.onHand",
        /at most 1,000,000/,
      ],
    ];
    for (const [what, units, field, message] of cases) {
      const err = await refusal(
        f
          .as(manager)
          .admin.stock.setLevels({ idempotencyKey: randomUUID(), variants: grid(variants, units) }),
        "BAD_REQUEST",
      );
      expect(err.cause, what).toBeInstanceOf(InvalidInputError);
      expect((err.cause as InvalidInputError).field, what).toBe(field);
      expect(err.message, what).toMatch(message);
      expect(await snapshot(ids), what).toEqual(before);
    }
    const [first] = variants as [{ variantId: string; sku: string }];
    const unknown = await refusal(
      f.as(manager).admin.stock.setLevels({
        idempotencyKey: randomUUID(),
        variants: [
          {
            ...first,
            locations: [
              { locationId: locations[0], onHand: 1 },
              { locationId: randomUUID(), onHand: 1 },
            ],
          },
        ],
      }),
      "BAD_REQUEST",
    );
    expect(unknown.message).toMatch(/variants\.0\.locations\.1\.locationId: no such stock location/);
    expect(await snapshot(ids)).toEqual(before);
  });

  it("answers the same key and grid again without changing anything, and refuses the key for another grid", async () => {
    const variants = newVariants(2);
    const key = randomUUID();
    const first = await f
      .as(manager)
      .admin.stock.setLevels({ idempotencyKey: key, variants: grid(variants, () => 6) });
    expect(first).toMatchObject({ changed: 6, replayed: false });
    const ids = variants.map((v) => v.variantId);
    const after = await snapshot(ids);
    const replay = await f
      .as(manager)
      .admin.stock.setLevels({ idempotencyKey: key, variants: grid(variants, () => 6) });
    expect(replay).toMatchObject({ changed: 0, replayed: true });
    expect(replay.levels.map((l) => l.onHand)).toEqual(first.levels.map((l) => l.onHand));
    expect(await snapshot(ids)).toEqual(after);
    const other = await refusal(
      f.as(manager).admin.stock.setLevels({ idempotencyKey: key, variants: grid(variants, () => 7) }),
      "CONFLICT",
    );
    expect(other.message).toMatch(/already made with other figures/);
    expect(await snapshot(ids)).toEqual(after);
    // A refused grid does not use its key up: corrected, the same save goes through.
    const retryKey = randomUUID();
    await refusal(
      f.as(manager).admin.stock.setLevels({ idempotencyKey: retryKey, variants: grid(variants, () => -1) }),
    );
    const retried = await f
      .as(manager)
      .admin.stock.setLevels({ idempotencyKey: retryKey, variants: grid(variants, () => 8) });
    expect(retried).toMatchObject({ changed: 6, replayed: false });
  });

  it("refuses support staff, who may read stock but not change it, with nothing changed", async () => {
    const variants = newVariants(1);
    const outbox = await f.db.prisma.inventoryOutbox.count();
    await refusal(
      f
        .as(support)
        .admin.stock.setLevels({ idempotencyKey: randomUUID(), variants: grid(variants, () => 5) }),
      "FORBIDDEN",
    );
    expect(await f.db.prisma.stockLevel.count({ where: { variantId: variants[0]?.variantId ?? "" } })).toBe(
      0,
    );
    expect(await f.db.prisma.inventoryOutbox.count()).toBe(outbox);
  });
});
