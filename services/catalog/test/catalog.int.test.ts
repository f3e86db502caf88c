// The catalog's procedures through the tRPC caller, on the embedded PGlite and on real PostgreSQL:
// one suite, two databases. Answers are checked against the rows themselves, queried independently.
import type { TRPCError } from "@trpc/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testDatabaseTargets } from "@emporium/db/testing";
import { createCatalogFixture, type CatalogFixture } from "./fixture";
import type { ProductCard } from "../src/domain/types";
import { refusal } from "@emporium/service-kit/testing";

async function expectTrpcError(promise: Promise<unknown>, code: TRPCError["code"], message?: RegExp) {
  const err = await refusal(promise, code);
  if (message) expect(err.message).toMatch(message);
}

describe.each(testDatabaseTargets("catalog procedures"))("catalog on $name", (target) => {
  let f: CatalogFixture;

  beforeAll(async () => {
    f = await createCatalogFixture(target);
  });
  afterAll(() => f?.dispose());

  /** Published product ids in a category subtree, straight from the tables. */
  async function publishedIn(path: string) {
    return f.db.prisma.product.findMany({
      where: {
        status: "PUBLISHED",
        categories: { some: { category: { OR: [{ path }, { path: { startsWith: `${path}/` } }] } } },
      },
      include: { brand: true, attributes: { include: { attributeValue: { include: { attribute: true } } } } },
    });
  }

  it("serves the category tree with product counts per subtree", async () => {
    const tree = await f.caller.category.tree();
    expect(tree.map((c) => c.slug)).toContain("clothing");
    const clothing = tree.find((c) => c.slug === "clothing");
    expect(clothing?.productCount).toBe((await publishedIn("clothing")).length);
    expect(clothing?.productCount).toBe(clothing?.children.reduce((n, c) => n + c.productCount, 0));
    const { category, breadcrumbs } = await f.caller.category.byPath({ path: "clothing/tops" });
    expect(category.name).toBe("Tops");
    expect(breadcrumbs.map((b) => b.path)).toEqual(["clothing", "clothing/tops"]);
  });

  it("filters by category, brand and attribute with disjunctive facet counts", async () => {
    const inClothing = await publishedIn("clothing");
    const hasValue = (p: (typeof inClothing)[number], attr: string, value: string) =>
      p.attributes.some((a) => a.attributeValue.attribute.slug === attr && a.attributeValue.slug === value);
    // Pick the most common brand and colour so the filter is meaningful.
    const brandCounts = new Map<string, number>();
    for (const p of inClothing)
      if (p.brand) brandCounts.set(p.brand.slug, (brandCounts.get(p.brand.slug) ?? 0) + 1);
    const brand = [...brandCounts.entries()].sort((a, b) => b[1] - a[1])[0]?.[0] ?? "";
    const colour = "blue";

    const page = await f.caller.product.list({
      category: "clothing",
      brands: [brand],
      attributes: { colour: [colour] },
      facets: true,
      limit: 60,
    });
    const expected = inClothing.filter((p) => p.brand?.slug === brand && hasValue(p, "colour", colour));
    expect(page.total).toBe(expected.length);
    expect(new Set(page.items.map((i) => i.id))).toEqual(new Set(expected.map((p) => p.id)));

    // Each facet relaxes only its own filter.
    const facets = page.facets;
    expect(facets).not.toBeNull();
    const brandFacet = facets?.brands.find((b) => b.slug === brand);
    expect(brandFacet?.selected).toBe(true);
    const blueEverywhere = inClothing.filter((p) => hasValue(p, "colour", colour));
    for (const b of facets?.brands ?? [])
      expect(b.count, `brand ${b.slug}`).toBe(blueEverywhere.filter((p) => p.brand?.slug === b.slug).length);
    const ofBrand = inClothing.filter((p) => p.brand?.slug === brand);
    const colourFacet = facets?.attributes.find((a) => a.slug === "colour");
    for (const v of colourFacet?.values ?? [])
      expect(v.count, `colour ${v.slug}`).toBe(ofBrand.filter((p) => hasValue(p, "colour", v.slug)).length);
    const categorySum = facets?.categories.reduce((n, c) => n + c.count, 0) ?? 0;
    expect(categorySum).toBeGreaterThanOrEqual(page.total);
    expect(facets?.inStock).toBe(expected.filter((p) => p.inStock).length);
  });

  it("filters by price range and stock", async () => {
    const page = await f.caller.product.list({ priceMin: 5000, priceMax: 9000, inStock: true, limit: 60 });
    expect(page.items.length).toBeGreaterThan(0);
    for (const item of page.items) {
      expect(item.inStock).toBe(true);
      expect(item.minPrice).toBeLessThanOrEqual(9000);
      expect(item.maxPrice).toBeGreaterThanOrEqual(5000);
    }
    const direct = await f.db.prisma.product.count({
      where: { status: "PUBLISHED", inStock: true, minPrice: { lte: 9000 }, maxPrice: { gte: 5000 } },
    });
    expect(page.total).toBe(direct);
  });

  for (const sort of ["newest", "price_asc", "price_desc"] as const) {
    it(`pages through every product ${sort}, forwards and back, without gaps`, async () => {
      const pages: ProductCard[][] = [];
      let cursor: string | undefined;
      let lastPrev: string | null = null;
      do {
        const page = await f.caller.product.list({ sort, limit: 23, ...(cursor ? { cursor } : {}) });
        pages.push(page.items);
        lastPrev = page.prevCursor;
        cursor = page.nextCursor ?? undefined;
      } while (cursor);
      const seen = pages.flat();
      const published = await f.db.prisma.product.count({ where: { status: "PUBLISHED" } });
      expect(seen).toHaveLength(published);
      expect(new Set(seen.map((p) => p.id)).size).toBe(published);
      const keys = seen.map((p) =>
        sort === "newest" ? -Date.parse(p.createdAt) : sort === "price_asc" ? p.minPrice : -p.minPrice,
      );
      expect(keys).toEqual([...keys].sort((a, b) => a - b));

      // Back from the last page with prevCursor, as a shopper pressing "Previous" would.
      const backwards: ProductCard[][] = [];
      let prev = lastPrev;
      while (prev) {
        const page = await f.caller.product.list({ sort, limit: 23, cursor: prev });
        backwards.unshift(page.items);
        prev = page.prevCursor;
      }
      expect(backwards).toEqual(pages.slice(0, -1));
    });
  }

  it("offers a previous page from the second page on", async () => {
    const first = await f.caller.product.list({ sort: "price_asc", limit: 10 });
    expect(first.prevCursor).toBeNull();
    const second = await f.caller.product.list({
      sort: "price_asc",
      limit: 10,
      cursor: first.nextCursor ?? "",
    });
    expect(second.prevCursor).not.toBeNull();
    const backToFirst = await f.caller.product.list({
      sort: "price_asc",
      limit: 10,
      cursor: second.prevCursor ?? "",
    });
    expect(backToFirst.items.map((i) => i.id)).toEqual(first.items.map((i) => i.id));
    expect(backToFirst.prevCursor).toBeNull();
  });

  it("says where each page starts, by cursor or by page number, and opens page N directly", async () => {
    const first = await f.caller.product.list({ sort: "newest", limit: 10 });
    expect(first.offset).toBe(0);
    const second = await f.caller.product.list({ sort: "newest", limit: 10, cursor: first.nextCursor ?? "" });
    expect(second.offset).toBe(10);
    const third = await f.caller.product.list({ sort: "newest", limit: 10, cursor: second.nextCursor ?? "" });
    expect(third.offset).toBe(20);
    const back = await f.caller.product.list({ sort: "newest", limit: 10, cursor: third.prevCursor ?? "" });
    expect(back.offset).toBe(10);
    expect(back.items.map((i) => i.id)).toEqual(second.items.map((i) => i.id));

    // Page 3 by number is the page the cursors reached, and its neighbours are keyset cursors again.
    const jumped = await f.caller.product.list({ sort: "newest", limit: 10, page: 3 });
    expect(jumped.offset).toBe(20);
    expect(jumped.items.map((i) => i.id)).toEqual(third.items.map((i) => i.id));
    const before = await f.caller.product.list({
      sort: "newest",
      limit: 10,
      cursor: jumped.prevCursor ?? "",
    });
    expect(before.items.map((i) => i.id)).toEqual(second.items.map((i) => i.id));
    expect(before.offset).toBe(10);
    const ranked = await f.caller.product.list({ sort: "rating", limit: 10, page: 2 });
    expect(ranked.offset).toBe(10);
    // Page 1 is the first page itself.
    const one = await f.caller.product.list({ sort: "newest", limit: 10, page: 1 });
    expect(one.prevCursor).toBeNull();
    expect(one.items.map((i) => i.id)).toEqual(first.items.map((i) => i.id));

    await expectTrpcError(
      f.caller.product.list({ limit: 10, page: 2, cursor: first.nextCursor ?? "" }),
      "BAD_REQUEST",
      /page/,
    );
    await expectTrpcError(f.caller.product.list({ limit: 10, page: 1_002 }), "BAD_REQUEST", /page/);
  });

  it("finds products despite typos and says what it searched for", async () => {
    const page = await f.caller.product.list({ q: "hodie", limit: 10 });
    expect(page.correctedQuery).toBe("hoodie");
    expect(page.sort).toBe("relevance");
    expect(page.items.length).toBeGreaterThan(0);
    expect(page.items[0]?.title).toMatch(/hoodie/i);

    const exact = await f.caller.product.list({ q: "linen shirt", limit: 5 });
    expect(exact.correctedQuery).toBeNull();
    for (const item of exact.items) expect(item.title).toMatch(/linen/i);

    const suggestions = await f.caller.search.suggest({ q: "lnen" });
    expect(suggestions.correctedQuery).toBe("linen");
    expect(suggestions.products.length).toBeGreaterThan(0);
    for (const p of suggestions.products) expect(p.title.toLowerCase()).toContain("linen");

    const categories = await f.caller.search.suggest({ q: "hoodies" });
    expect(categories.categories.map((c) => c.path)).toContain("clothing/tops/hoodies-sweatshirts");
  });

  it("pages search results by relevance", async () => {
    const first = await f.caller.product.list({ q: "cotton", limit: 5 });
    expect(first.total).toBeGreaterThan(5);
    const second = await f.caller.product.list({ q: "cotton", limit: 5, cursor: first.nextCursor ?? "" });
    expect(second.items.map((i) => i.id)).not.toContain(first.items[0]?.id);
    const back = await f.caller.product.list({ q: "cotton", limit: 5, cursor: second.prevCursor ?? "" });
    expect(back.items.map((i) => i.id)).toEqual(first.items.map((i) => i.id));
  });

  it("shows a product with its variants, options, media and breadcrumbs", async () => {
    const row = await f.db.prisma.product.findFirstOrThrow({
      where: { status: "PUBLISHED", options: { some: { name: "Size" } } },
      include: { variants: true, primaryCategory: true },
    });
    const product = await f.caller.product.bySlug({ slug: row.slug });
    expect(product.variants).toHaveLength(row.variants.length);
    expect(product.options.map((o) => o.name)).toEqual(["Colour", "Size"]);
    for (const v of product.variants) expect(v.optionValueIds).toHaveLength(2);
    expect(product.media.length).toBeGreaterThan(0);
    expect(product.media[0]?.url).toMatch(/^\/media\/products\//);
    expect(product.breadcrumbs.at(-1)?.path).toBe(row.primaryCategory?.path);
    expect(product.attributes.map((a) => a.slug)).toContain("colour");
  });

  it("hides unpublished products", async () => {
    const draft = await f.db.prisma.product.findFirst({ where: { status: { not: "PUBLISHED" } } });
    if (!draft) return; // the seed publishes ~97%; with 300 products there is nearly always one
    await expectTrpcError(f.caller.product.bySlug({ slug: draft.slug }), "NOT_FOUND");
  });

  it("answers bad input with a 4xx naming the problem and changes nothing", async () => {
    const before = await f.db.prisma.product.count();
    await expectTrpcError(
      f.caller.product.bySlug({ slug: "no-such-product" }),
      "NOT_FOUND",
      /no-such-product/,
    );
    await expectTrpcError(f.caller.product.list({ limit: 1_000_000_000 }), "BAD_REQUEST");
    await expectTrpcError(f.caller.product.list({ limit: 0 }), "BAD_REQUEST");
    await expectTrpcError(f.caller.product.list({ cursor: "%%%not-a-cursor" }), "BAD_REQUEST", /cursor/);
    // Well-formed but forged keyset cursors: a date before the epoch and a price beyond any stored one.
    const forged = (sort: "newest" | "price_asc", key: string | number) =>
      Buffer.from(
        JSON.stringify({
          kind: "key",
          sort,
          direction: "after",
          key,
          id: "3b241101-e2bb-4255-8caf-4136c566a962",
        }),
      ).toString("base64url");
    await expectTrpcError(
      f.caller.product.list({ sort: "newest", cursor: forged("newest", "0000-01-01T00:00:00Z") }),
      "BAD_REQUEST",
      /cursor/,
    );
    await expectTrpcError(
      f.caller.product.list({ sort: "price_asc", cursor: forged("price_asc", Number.MAX_SAFE_INTEGER) }),
      "BAD_REQUEST",
      /cursor/,
    );
    await expectTrpcError(
      f.caller.product.list({ category: "no/such/category" }),
      "NOT_FOUND",
      /no\/such\/category/,
    );
    await expectTrpcError(
      f.caller.product.list({ brands: ["nobody"] }),
      "BAD_REQUEST",
      /brands: unknown brand/,
    );
    await expectTrpcError(
      f.caller.product.list({ attributes: { colour: ["plaid-ish"] } }),
      "BAD_REQUEST",
      /colour/,
    );
    await expectTrpcError(
      f.caller.product.list({ attributes: { smell: ["nice"] } }),
      "BAD_REQUEST",
      /unknown attribute/,
    );
    await expectTrpcError(f.caller.product.list({ priceMin: 500, priceMax: 100 }), "BAD_REQUEST");
    await expectTrpcError(f.caller.product.list({ q: "x".repeat(101) }), "BAD_REQUEST");
    await expectTrpcError(f.caller.product.bySlug({ slug: "../../etc/passwd" }), "BAD_REQUEST");
    // SQL-looking text is just text.
    for (const q of ["'; DROP TABLE catalog.products; --", "1' OR '1'='1", "a & | ! ( ) :* <->", "%_\\"]) {
      const page = await f.caller.product.list({ q });
      expect(page.total).toBeGreaterThanOrEqual(0);
      await f.caller.search.suggest({ q });
    }
    expect(await f.db.prisma.product.count()).toBe(before);
  });

  it("refuses to answer while the catalog is still starting", async () => {
    f.readiness.ready = false;
    f.readiness.detail = "seeding the catalog (rows 40%)";
    try {
      await expectTrpcError(f.caller.home.get(), "SERVICE_UNAVAILABLE", /seeding the catalog/);
    } finally {
      f.readiness.ready = true;
    }
  });

  it("builds the home page and the sitemap", async () => {
    const home = await f.caller.home.get();
    expect(home.featuredCategories.length).toBeGreaterThanOrEqual(4);
    expect(home.newArrivals.length).toBeGreaterThan(0);
    const dates = home.newArrivals.map((p) => Date.parse(p.createdAt));
    expect(dates).toEqual([...dates].sort((a, b) => b - a));
    const sitemap = await f.caller.sitemap.entries();
    const published = await f.db.prisma.product.count({ where: { status: "PUBLISHED" } });
    expect(sitemap.filter((e) => e.path.startsWith("/p/"))).toHaveLength(published);
  });
});
