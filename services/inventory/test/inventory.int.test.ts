// The inventory worker's consumers on PGlite and PostgreSQL, driven the way the command bus drives them.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  commitStockV1,
  createEnvelope,
  releaseStockV1,
  reserveStockV1,
  stockRejectedV1,
  stockReservedV1,
  type Envelope,
} from "@emporium/contracts";
import { testDatabaseTargets, type TestDatabase } from "@emporium/db/testing";
import { SqlReservationExpiry } from "../src/adapters/sql/reservation-expiry";
import { expireReservations } from "../src/app/expiry";
import { commitConsumer } from "../src/consumers/commit";
import type { InventoryContext } from "../src/consumers/context";
import { consumerContext } from "./consumer-context";
import { releaseConsumer } from "../src/consumers/release";
import { reserveConsumer } from "../src/consumers/reserve";

describe.each(testDatabaseTargets("inventory consumers"))("inventory on $name", (target) => {
  let t: TestDatabase;
  let ctx: InventoryContext;
  const locations = [randomUUID(), randomUUID()];
  const variant = randomUUID();
  const other = randomUUID();

  beforeAll(async () => {
    t = await target.create();
    ctx = consumerContext(t.db);
    await t.db.prisma.location.createMany({
      data: locations.map((id, i) => ({ id, code: `L${i}`, name: `Location ${i}`, country: "DE" })),
    });
    await t.db.prisma.stockLevel.createMany({
      data: [
        { locationId: locations[0] ?? "", variantId: variant, sku: "TEE-M", onHand: 3, available: 3 },
        { locationId: locations[1] ?? "", variantId: variant, sku: "TEE-M", onHand: 2, available: 2 },
        { locationId: locations[0] ?? "", variantId: other, sku: "MUG", onHand: 50, available: 50 },
      ],
    });
  });
  afterAll(() => t?.dispose());

  const reserve = (
    orderId: string,
    lines: { variantId: string; sku: string; quantity: number }[],
    expiresAt = new Date(Date.now() + 60_000),
  ) => createEnvelope(reserveStockV1, orderId, { orderId, lines, expiresAt: expiresAt.toISOString() });

  async function outboxFor(orderId: string): Promise<Envelope[]> {
    const rows = await t.db.prisma.inventoryOutbox.findMany({
      where: { aggregateId: orderId },
      orderBy: { seq: "asc" },
    });
    return rows.map((r) => r.payload as unknown as Envelope);
  }

  async function totals(variantId: string) {
    const rows = await t.db.prisma.stockLevel.findMany({ where: { variantId } });
    return {
      available: rows.reduce((n, r) => n + r.available, 0),
      reserved: rows.reduce((n, r) => n + r.reserved, 0),
      onHand: rows.reduce((n, r) => n + r.onHand, 0),
      min: Math.min(...rows.map((r) => r.available)),
    };
  }

  it("never oversells: 40 concurrent buyers of 5 units, some with the SKU on two lines", async () => {
    const buyers = Array.from({ length: 40 }, (_, i) => {
      const orderId = randomUUID();
      const lines =
        i % 4 === 0
          ? [
              { variantId: variant, sku: "TEE-M", quantity: 1 },
              { variantId: variant, sku: "TEE-M", quantity: 1 },
            ]
          : [{ variantId: variant, sku: "TEE-M", quantity: 1 }];
      return {
        orderId,
        units: lines.reduce((n, l) => n + l.quantity, 0),
        envelope: reserve(orderId, lines),
      };
    });
    const handle = reserveConsumer(ctx);
    await Promise.all(buyers.map((b) => handle(b.envelope, { source: "inventory.reserve", attempt: 1 })));

    let sold = 0;
    let rejected = 0;
    for (const b of buyers) {
      const [reply] = await outboxFor(b.orderId);
      if (reply?.type === stockReservedV1.type) sold += b.units;
      else {
        expect(reply?.type).toBe(stockRejectedV1.type);
        expect(JSON.stringify(reply?.data)).toMatch(/TEE-M/);
        rejected++;
      }
    }
    expect(sold).toBe(5);
    expect(rejected).toBeGreaterThan(30);
    expect(await totals(variant)).toEqual({ available: 0, reserved: 5, onHand: 5, min: 0 });
  });

  it("handles a repeated command once and answers it the same way", async () => {
    const orderId = randomUUID();
    const envelope = reserve(orderId, [{ variantId: other, sku: "MUG", quantity: 2 }]);
    const handle = reserveConsumer(ctx);
    await handle(envelope, { source: "q", attempt: 1 });
    await handle(envelope, { source: "q", attempt: 2 });
    await handle(reserve(orderId, [{ variantId: other, sku: "MUG", quantity: 2 }]), {
      source: "q",
      attempt: 1,
    });
    expect((await totals(other)).reserved).toBe(2);
    const replies = (await outboxFor(orderId)).filter((e) => e.type.startsWith("inventory.re"));
    expect(replies.map((e) => e.type)).toEqual([stockReservedV1.type, stockReservedV1.type]);
  });

  it("releases, commits and expires reservations with the right stock movements", async () => {
    const [a, b, c] = [randomUUID(), randomUUID(), randomUUID()];
    const handle = reserveConsumer(ctx);
    const before = await totals(other);
    await handle(reserve(a, [{ variantId: other, sku: "MUG", quantity: 3 }]), { source: "q", attempt: 1 });
    await handle(reserve(b, [{ variantId: other, sku: "MUG", quantity: 4 }]), { source: "q", attempt: 1 });
    await handle(reserve(c, [{ variantId: other, sku: "MUG", quantity: 5 }], new Date(Date.now() - 1000)), {
      source: "q",
      attempt: 1,
    });
    expect((await totals(other)).available).toBe(before.available - 12);

    await releaseConsumer(ctx)(
      createEnvelope(releaseStockV1, a, { orderId: a, reason: "payment declined" }),
      {
        source: "q",
        attempt: 1,
      },
    );
    await commitConsumer(ctx)(createEnvelope(commitStockV1, b, { orderId: b }), { source: "q", attempt: 1 });
    expect(await expireReservations(new SqlReservationExpiry(t.db))).toBe(1);
    const after = await totals(other);
    expect(after.available).toBe(before.available - 4);
    expect(after.onHand).toBe(before.onHand - 4);
    expect(after.reserved).toBe(before.reserved);

    // Committing an expired reservation is refused, so the saga refunds instead of shipping.
    await commitConsumer(ctx)(createEnvelope(commitStockV1, c, { orderId: c }), { source: "q", attempt: 1 });
    expect((await outboxFor(c)).map((e) => e.type)).toContain(stockRejectedV1.type);

    // An order cancelled after payment but before shipping: its committed units go back on the shelf,
    // once however often the release arrives.
    const release = createEnvelope(releaseStockV1, b, { orderId: b, reason: "cancelled by the shop" });
    await releaseConsumer(ctx)(release, { source: "q", attempt: 1 });
    await releaseConsumer(ctx)(createEnvelope(releaseStockV1, b, { orderId: b, reason: "again" }), {
      source: "q",
      attempt: 1,
    });
    const restocked = await totals(other);
    expect([restocked.available, restocked.onHand, restocked.reserved]).toEqual([
      before.available,
      before.onHand,
      before.reserved,
    ]);
    expect((await outboxFor(b)).map((e) => e.type)).toContain("inventory.released.v1");
  });

  it("remembers a release that overtook its reserve, and refuses the late reserve", async () => {
    const orderId = randomUUID();
    await releaseConsumer(ctx)(createEnvelope(releaseStockV1, orderId, { orderId, reason: "cancelled" }), {
      source: "q",
      attempt: 1,
    });
    const before = await totals(other);
    await reserveConsumer(ctx)(reserve(orderId, [{ variantId: other, sku: "MUG", quantity: 1 }]), {
      source: "q",
      attempt: 1,
    });
    expect(await totals(other)).toEqual(before);
    expect((await outboxFor(orderId)).map((e) => e.type)).toContain(stockRejectedV1.type);
  });

  it("lets the database refuse negative stock even if code tried", async () => {
    await expect(
      t.db.prisma
        .$executeRaw`UPDATE inventory.stock_levels SET available = available - 1000 WHERE variant_id = ${other}::uuid`,
    ).rejects.toThrow(/stock_levels_available_non_negative|check constraint/);
  });
});
