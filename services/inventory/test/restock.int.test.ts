// inventory.restock on PGlite and PostgreSQL: a refund's units go on hand at the chosen location once,
// however often the command is delivered, with a "returned" adjustment and an audit event in the name of
// the staff member who refunded; an unknown location changes nothing and fails the delivery.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createEnvelope, restockStockV1, type Envelope } from "@emporium/contracts";
import { testDatabaseTargets, type TestDatabase } from "@emporium/db/testing";
import type { InventoryContext } from "../src/consumers/context";
import { consumerContext } from "./consumer-context";
import { restockConsumer } from "../src/consumers/restock";

const actor = { userId: randomUUID(), email: "manager@example.com", role: "manager" };

describe.each(testDatabaseTargets("inventory restock"))("restock on $name", (target) => {
  let t: TestDatabase;
  let ctx: InventoryContext;
  const [berlin, paris] = [randomUUID(), randomUUID()];
  const tee = randomUUID();
  const mug = randomUUID();

  beforeAll(async () => {
    t = await target.create();
    ctx = consumerContext(t.db);
    await t.db.prisma.location.createMany({
      data: [
        { id: berlin, code: "BER", name: "Berlin", country: "DE" },
        { id: paris, code: "PAR", name: "Paris", country: "FR" },
      ],
    });
    await t.db.prisma.stockLevel.createMany({
      data: [
        { locationId: berlin, variantId: tee, sku: "TEE-M", onHand: 3, reserved: 1, available: 2 },
        { locationId: paris, variantId: tee, sku: "TEE-M", onHand: 4, available: 4 },
        { locationId: berlin, variantId: mug, sku: "MUG", onHand: 5, available: 5 },
      ],
    });
  });
  afterAll(() => t?.dispose());

  const restock = (locationId: string, lines: { variantId: string; sku: string; quantity: number }[]) => {
    const orderId = randomUUID();
    return createEnvelope(restockStockV1, orderId, {
      orderId,
      orderNumber: "EMP-1001",
      locationId,
      lines,
      actor,
    });
  };
  const level = (locationId: string, variantId: string) =>
    t.db.prisma.stockLevel.findUnique({ where: { locationId_variantId: { locationId, variantId } } });
  const outbox = async (): Promise<Envelope[]> =>
    (await t.db.prisma.inventoryOutbox.findMany({ orderBy: { seq: "asc" } })).map(
      (r) => r.payload as unknown as Envelope,
    );

  it("puts the units on hand at the chosen location once, even when the command is redelivered", async () => {
    const command = restock(berlin, [{ variantId: tee, sku: "TEE-M", quantity: 1 }]);
    const before = await outbox();
    await restockConsumer(ctx)(command, { source: "q", attempt: 1 });
    await restockConsumer(ctx)(command, { source: "q", attempt: 2 });

    expect(await level(berlin, tee)).toMatchObject({ onHand: 4, reserved: 1, available: 3 });
    expect(await level(paris, tee)).toMatchObject({ onHand: 4, available: 4 });
    const adjustments = await t.db.prisma.stockAdjustment.findMany({ where: { variantId: tee } });
    expect(adjustments).toHaveLength(1);
    expect(adjustments[0]).toMatchObject({
      locationId: berlin,
      delta: 1,
      onHandAfter: 4,
      reason: "returned",
      note: "refund restock, order EMP-1001",
      actorId: actor.userId,
      actorEmail: actor.email,
    });
    const sent = (await outbox()).slice(before.length);
    expect(sent.filter((e) => e.type === "inventory.stock-changed.v1").map((e) => e.data)).toEqual([
      { variantId: tee, sku: "TEE-M", available: 7 },
    ]);
    const audits = sent.filter((e) => e.type === "audit.staff-action.v1");
    expect(audits).toHaveLength(1);
    expect(audits[0]?.data).toMatchObject({
      service: "inventory",
      actor,
      action: "stock.adjusted",
      target: { type: "stock", id: `${tee}@${berlin}`, label: "TEE-M at Berlin" },
      reason: "returned: refund restock, order EMP-1001",
    });
  });

  it("opens the level at a location that did not stock the variant", async () => {
    await restockConsumer(ctx)(restock(paris, [{ variantId: mug, sku: "MUG", quantity: 2 }]), {
      source: "q",
      attempt: 1,
    });
    expect(await level(paris, mug)).toMatchObject({ onHand: 2, reserved: 0, available: 2 });
    expect(await level(berlin, mug)).toMatchObject({ onHand: 5 });
  });

  it("fails the delivery for an unknown location and changes nothing", async () => {
    const command = restock(randomUUID(), [{ variantId: tee, sku: "TEE-M", quantity: 1 }]);
    await expect(restockConsumer(ctx)(command, { source: "q", attempt: 1 })).rejects.toThrow(/no location/);
    expect(await level(berlin, tee)).toMatchObject({ onHand: 4 });
    // Not claimed either: a redelivery after the location is created would still restock.
    expect(
      await t.db.prisma.inventoryProcessedMessage.findUnique({ where: { messageId: command.id } }),
    ).toBeNull();
  });
});
