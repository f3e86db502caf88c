// The catalog's copy of each product's rating summary, fed by the reviews service's rating-changed
// events, on PGlite and PostgreSQL: the listing's "4★ & up" filter and facet, the rating sort with its
// pages, the summary on each card, and a redelivered event changing nothing.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createEnvelope, productRatingChangedV1 } from "@emporium/contracts";
import { testDatabaseTargets } from "@emporium/db/testing";
import type { DeliveryInfo } from "@emporium/messaging";
import { PrismaRatingReadModel } from "../src/adapters/prisma/prisma-rating-read-model";
import { ratingChangedConsumer } from "../src/consumers/rating-changed";
import { normalizeListing } from "../src/domain/listing";
import { createCatalogFixture, type CatalogFixture } from "./fixture";

const DELIVERY: DeliveryInfo = { source: "reviews", attempt: 1 };

describe.each(testDatabaseTargets("catalog rating read model"))(
  "catalog rating read model on $name",
  (target) => {
    let f: CatalogFixture;
    const changed: string[] = [];
    let products: { id: string; slug: string }[];

    beforeAll(async () => {
      f = await createCatalogFixture(target);
      products = await f.db.prisma.product.findMany({
        where: { status: "PUBLISHED" },
        select: { id: true, slug: true },
        orderBy: { slug: "asc" },
        take: 5,
      });
    });
    afterAll(() => f?.dispose());

    const handle = () =>
      ratingChangedConsumer(new PrismaRatingReadModel(f.db), async (slug) => void changed.push(slug));
    const rate = (productId: string, average: number | null, count: number) =>
      createEnvelope(productRatingChangedV1, productId, { productId, average, count });
    const list = (extra: Parameters<typeof normalizeListing>[0]) =>
      f.store.listProducts(normalizeListing(extra));

    it("filters, counts and sorts by the summaries the reviews service sends", async () => {
      const [a, b, c, d] = products;
      if (!a || !b || !c || !d) throw new Error("four products expected");
      const h = handle();
      await h(rate(a.id, 4.75, 8), DELIVERY);
      await h(rate(b.id, 4.2, 3), DELIVERY);
      await h(rate(c.id, 3.5, 12), DELIVERY);
      const last = rate(d.id, 2, 1);
      await h(last, DELIVERY);
      await h(last, DELIVERY); // redelivered: applied once
      expect(changed).toEqual([a.slug, b.slug, c.slug, d.slug]);

      const fourUp = await list({ limit: 60, minRating: 4, facets: true });
      expect(fourUp.items.map((i) => i.slug).sort()).toEqual([a.slug, b.slug].sort());
      expect(fourUp.total).toBe(2);
      // The rating facet relaxes its own filter: it still counts the 3★ and 2★ products.
      expect(fourUp.facets?.rating).toEqual([
        { atLeast: 4, count: 2 },
        { atLeast: 3, count: 3 },
        { atLeast: 2, count: 4 },
        { atLeast: 1, count: 4 },
      ]);
      expect(fourUp.items.find((i) => i.slug === a.slug)?.rating).toEqual({ average: 4.75, count: 8 });

      const byRating = await list({ limit: 3, sort: "rating" });
      expect(byRating.items.map((i) => i.slug)).toEqual([a.slug, b.slug, c.slug]);
      const next = await list({ limit: 3, sort: "rating", cursor: byRating.nextCursor ?? "" });
      expect(next.items[0]?.slug).toBe(d.slug);
      expect(next.items.slice(1).every((i) => i.rating === null)).toBe(true);
    });

    it("forgets a summary when the last approved review goes, and ignores products it does not know", async () => {
      const [a] = products;
      if (!a) throw new Error("a product expected");
      await handle()(rate(a.id, null, 0), DELIVERY);
      const fourUp = await list({ limit: 60, minRating: 4 });
      expect(fourUp.items.map((i) => i.slug)).not.toContain(a.slug);
      const before = changed.length;
      await handle()(rate("00000000-0000-4000-8000-000000000000", 5, 1), DELIVERY);
      expect(changed).toHaveLength(before);
    });
  },
);
