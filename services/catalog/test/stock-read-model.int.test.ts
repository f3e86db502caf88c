// The catalog's stock read model, fed by inventory's stock-changed events, on PGlite and PostgreSQL:
// a variant's figure follows the event, the product is in stock while any variant is, a redelivered
// event changes nothing, and two variants of one product changed at once leave the right answer.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createEnvelope, stockChangedV1 } from "@emporium/contracts";
import { testDatabaseTargets } from "@emporium/db/testing";
import type { DeliveryInfo } from "@emporium/messaging";
import { PrismaStockReadModel } from "../src/adapters/prisma/prisma-stock-read-model";
import { stockChangedConsumer } from "../src/consumers/stock-changed";
import { createCatalogFixture, type CatalogFixture } from "./fixture";

const DELIVERY: DeliveryInfo = { source: "inventory", attempt: 1 };

describe.each(testDatabaseTargets("catalog stock read model"))(
  "catalog stock read model on $name",
  (target) => {
    let f: CatalogFixture;
    const changed: string[] = [];

    beforeAll(async () => {
      f = await createCatalogFixture(target);
    });
    afterAll(() => f?.dispose());

    /** A published product with at least two variants, as stored. */
    async function productWithVariants() {
      const product = await f.db.prisma.product.findFirstOrThrow({
        where: { status: "PUBLISHED", variants: { some: {} } },
        include: { variants: { orderBy: { sku: "asc" } } },
        orderBy: { slug: "asc" },
        skip: 3,
      });
      if (product.variants.length < 2) throw new Error("the seeded product has one variant only");
      return product;
    }

    function event(variant: { id: string; sku: string }, available: number) {
      return createEnvelope(stockChangedV1, variant.id, {
        variantId: variant.id,
        sku: variant.sku,
        available,
      });
    }

    const handle = () =>
      stockChangedConsumer(
        new PrismaStockReadModel(f.db),
        async (slug, inStockChanged) => void changed.push(`${slug}${inStockChanged ? " in/out" : ""}`),
      );

    it("follows each variant's figure and keeps the product in stock while any variant is", async () => {
      const product = await productWithVariants();
      const h = handle();
      for (const v of product.variants) await h(event(v, 0), DELIVERY);
      expect((await f.db.prisma.product.findUniqueOrThrow({ where: { id: product.id } })).inStock).toBe(
        false,
      );

      const [first, second] = product.variants;
      if (!first || !second) throw new Error("two variants expected");
      const restock = event(first, 7);
      changed.length = 0;
      await h(restock, DELIVERY);
      expect((await f.db.prisma.variant.findUniqueOrThrow({ where: { id: first.id } })).available).toBe(7);
      expect((await f.db.prisma.product.findUniqueOrThrow({ where: { id: product.id } })).inStock).toBe(true);
      // Back in stock: listings must hear of it, not only the product's page.
      expect(changed).toEqual([`${product.slug} in/out`]);

      // The same event again (a redelivery) after a newer figure: the newer one stands. Still in
      // stock, so only the product's page changed.
      await h(event(first, 3), DELIVERY);
      await h(restock, DELIVERY);
      expect((await f.db.prisma.variant.findUniqueOrThrow({ where: { id: first.id } })).available).toBe(3);
      expect(changed).toEqual([`${product.slug} in/out`, product.slug]);

      // Both variants sold out at once, from two consumers: the product ends out of stock.
      await h(event(second, 2), DELIVERY);
      await Promise.all([h(event(first, 0), DELIVERY), h(event(second, 0), DELIVERY)]);
      expect((await f.db.prisma.product.findUniqueOrThrow({ where: { id: product.id } })).inStock).toBe(
        false,
      );
    });

    it("ignores a variant the catalog does not have", async () => {
      const before = await f.db.prisma.product.count({ where: { inStock: true } });
      await handle()(
        createEnvelope(stockChangedV1, "00000000-0000-4000-8000-000000000000", {
          variantId: "00000000-0000-4000-8000-000000000000",
          sku: "NO-SUCH-SKU",
          available: 5,
        }),
        DELIVERY,
      );
      expect(await f.db.prisma.product.count({ where: { inStock: true } })).toBe(before);
    });
  },
);
