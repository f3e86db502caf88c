// New catalog variants open a stock level at every location, once, on PGlite and PostgreSQL.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createEnvelope, variantsAddedV1 } from "@emporium/contracts";
import { testDatabaseTargets, type TestDatabase } from "@emporium/db/testing";
import { createLogger } from "@emporium/observability";
import { variantsAddedConsumer } from "../src/consumers/variants-added";

const log = createLogger({ service: "inventory-test", level: "silent" });
const DELIVERY = { source: "catalog", attempt: 1 };

describe.each(testDatabaseTargets("inventory catalog consumer"))("variants added on $name", (target) => {
  let t: TestDatabase;
  const locations = [randomUUID(), randomUUID()];

  beforeAll(async () => {
    t = await target.create();
    await t.db.prisma.location.createMany({
      data: locations.map((id, i) => ({ id, code: `V${i}`, name: `Location ${i}`, country: "DE" })),
    });
  });
  afterAll(() => t?.dispose());

  it("opens zero stock at every location, leaving existing levels alone", async () => {
    const productId = randomUUID();
    const [fresh, stocked] = [randomUUID(), randomUUID()];
    await t.db.prisma.stockLevel.create({
      data: { locationId: locations[0] ?? "", variantId: stocked, sku: "OLD-1", onHand: 7, available: 7 },
    });
    const handle = variantsAddedConsumer({ db: t.db, log });
    const envelope = createEnvelope(variantsAddedV1, productId, {
      productId,
      variants: [
        { variantId: fresh, sku: "NEW-1" },
        { variantId: stocked, sku: "OLD-1" },
      ],
    });
    await handle(envelope, DELIVERY);
    await handle(envelope, { ...DELIVERY, attempt: 2 }); // redelivered: nothing more happens
    const levels = await t.db.prisma.stockLevel.findMany({
      where: { variantId: { in: [fresh, stocked] } },
      orderBy: [{ sku: "asc" }, { locationId: "asc" }],
    });
    expect(levels).toHaveLength(4);
    expect(levels.filter((l) => l.variantId === fresh).map((l) => [l.onHand, l.available])).toEqual([
      [0, 0],
      [0, 0],
    ]);
    const kept = levels.find((l) => l.variantId === stocked && l.locationId === locations[0]);
    expect([kept?.onHand, kept?.available]).toEqual([7, 7]);
  });

  it("ignores other catalog facts on the topic", async () => {
    const before = await t.db.prisma.stockLevel.count();
    await variantsAddedConsumer({ db: t.db, log })(
      {
        ...createEnvelope(variantsAddedV1, randomUUID(), {
          productId: randomUUID(),
          variants: [{ variantId: randomUUID(), sku: "X-1" }],
        }),
        type: "catalog.product-renamed.v1",
      },
      DELIVERY,
    );
    expect(await t.db.prisma.stockLevel.count()).toBe(before);
  });
});
