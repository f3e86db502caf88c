// Staff procedures through the tRPC caller on PGlite and on real PostgreSQL: what they change, the bad
// input they refuse without changing anything, and the authorization walk over every admin procedure.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Principal } from "@emporium/auth";
import {
  summarizeMatrix,
  TEST_PRINCIPALS,
  walkPermissionMatrix,
  type GuardedProcedure,
} from "@emporium/auth/testing";
import { testDatabaseTargets } from "@emporium/db/testing";
import { appRouter } from "../src/api/router/_app";
import { IMPORT_COLUMNS } from "../src/domain/product-import";
import { createCatalogFixture, type CatalogFixture } from "./fixture";
import { mediaWalk } from "./media-walk";
import { refusal } from "@emporium/service-kit/testing";

const manager = TEST_PRINCIPALS.manager as Principal;

describe.each(testDatabaseTargets("catalog admin procedures"))("catalog admin on $name", (target) => {
  let f: CatalogFixture;
  const asManager = () => f.callerAs(manager);

  beforeAll(async () => {
    f = await createCatalogFixture(target);
  });
  afterAll(() => f?.dispose());

  /** A published product with at least two variants, straight from the tables. */
  async function productWithVariants() {
    const product = await f.db.prisma.product.findFirstOrThrow({
      where: { status: "PUBLISHED", variants: { some: { position: 1 } } },
      include: { variants: { orderBy: { position: "asc" } } },
      orderBy: { slug: "asc" },
    });
    return product;
  }

  it("lists every product with search, status filter and page counts", async () => {
    const all = await asManager().admin.products.list({ limit: 10 });
    expect(all.total).toBe(await f.db.prisma.product.count());
    expect(all.items).toHaveLength(10);
    expect(all.pageCount).toBe(Math.ceil(all.total / 10));
    const second = await asManager().admin.products.list({ limit: 10, page: 2 });
    expect(second.items.map((i) => i.id)).not.toContain(all.items[0]?.id);

    const drafts = await asManager().admin.products.list({ status: "DRAFT", limit: 100 });
    expect(drafts.total).toBe(await f.db.prisma.product.count({ where: { status: "DRAFT" } }));
    expect(drafts.items.every((i) => i.status === "DRAFT")).toBe(true);

    const sample = await productWithVariants();
    const byTitle = await asManager().admin.products.list({ q: sample.title.slice(0, 12).toUpperCase() });
    expect(byTitle.items.map((i) => i.id)).toContain(sample.id);
    const bySku = await asManager().admin.products.list({ q: sample.variants[0]?.sku.toLowerCase() });
    expect(bySku.items.map((i) => i.id)).toEqual([sample.id]);
    const none = await asManager().admin.products.list({ q: "no such thing anywhere" });
    expect(none).toMatchObject({ items: [], total: 0, pageCount: 1 });
  });

  it("changes a variant's price and keeps the product's price range in step", async () => {
    const product = await productWithVariants();
    const [first, second] = product.variants;
    if (!first || !second) throw new Error("fixture needs two variants");
    const cheaper = Math.max(1, product.minPrice - 500);
    const updated = await asManager().admin.variants.setPrice({
      variantId: second.id,
      price: cheaper,
      compareAtPrice: cheaper + 1000,
    });
    expect(updated).toMatchObject({ id: second.id, price: cheaper, compareAtPrice: cheaper + 1000 });
    const after = await f.db.prisma.product.findUniqueOrThrow({ where: { id: product.id } });
    expect(after.minPrice).toBe(cheaper);
    const detail = await asManager().admin.products.get({ id: product.id });
    expect(detail.variants.find((v) => v.id === second.id)?.price).toBe(cheaper);
    // The storefront shows the new price.
    const shopView = await f.caller.product.bySlug({ slug: product.slug });
    expect(shopView.variants.find((v) => v.id === second.id)?.price).toBe(cheaper);
    await asManager().admin.variants.setPrice({ variantId: second.id, price: second.price });
    const restored = await f.db.prisma.product.findUniqueOrThrow({ where: { id: product.id } });
    expect([restored.minPrice, restored.maxPrice]).toEqual([product.minPrice, product.maxPrice]);
  });

  it("refuses bad prices and unknown ids by name, changing nothing", async () => {
    const product = await productWithVariants();
    const variant = product.variants[0];
    if (!variant) throw new Error("fixture needs a variant");
    const cases: [
      Parameters<ReturnType<typeof asManager>["admin"]["variants"]["setPrice"]>[0],
      string,
      RegExp,
    ][] = [
      [{ variantId: variant.id, price: 0 }, "BAD_REQUEST", /price/],
      [{ variantId: variant.id, price: 10 ** 12 }, "BAD_REQUEST", /price/],
      [{ variantId: variant.id, price: 12.5 }, "BAD_REQUEST", /price[\s\S]*whole number/],
      [{ variantId: variant.id, price: 1000, compareAtPrice: 900 }, "BAD_REQUEST", /compareAtPrice/],
      [{ variantId: "not-a-uuid", price: 1000 }, "BAD_REQUEST", /variantId/],
      [{ variantId: "00000000-0000-4000-8000-000000000999", price: 1000 }, "NOT_FOUND", /No variant/],
    ];
    for (const [input, code, message] of cases) {
      const err = await refusal(asManager().admin.variants.setPrice(input));
      expect(err.code, JSON.stringify(input)).toBe(code);
      expect(err.message).toMatch(message);
    }
    const unchanged = await f.db.prisma.variant.findUniqueOrThrow({ where: { id: variant.id } });
    expect(unchanged.price).toBe(variant.price);
    expect(
      (await refusal(asManager().admin.products.get({ id: "00000000-0000-4000-8000-000000000999" }))).code,
    ).toBe("NOT_FOUND");
  });

  it("unpublishes and republishes, keeping the first publication date", async () => {
    const product = await productWithVariants();
    await asManager().admin.products.setStatus({ id: product.id, status: "DRAFT" });
    expect((await refusal(f.caller.product.bySlug({ slug: product.slug }))).code).toBe("NOT_FOUND");
    const republished = await asManager().admin.products.setStatus({ id: product.id, status: "PUBLISHED" });
    expect(republished).toEqual({ slug: product.slug, status: "PUBLISHED" });
    expect((await f.caller.product.bySlug({ slug: product.slug })).id).toBe(product.id);
    const row = await f.db.prisma.product.findUniqueOrThrow({ where: { id: product.id } });
    expect(row.publishedAt?.toISOString()).toBe(product.publishedAt?.toISOString());
  });

  it("creates a product with an option matrix, categories and attributes, and announces its variants", async () => {
    const ref = await asManager().admin.products.reference();
    const [brand] = ref.brands;
    const leaf = ref.categories.find((c) => c.depth === 2);
    const material = ref.attributes[0]?.values[0];
    if (!brand || !leaf || !material) throw new Error("the seeded shop has brands, categories, attributes");
    const created = await asManager().admin.products.create({
      title: "Harbour Linen Overshirt",
      description: "A loose overshirt in washed linen.",
      brandId: brand.id,
      categoryIds: [leaf.id],
      attributeValueIds: [material.id],
      status: "PUBLISHED",
      price: 8900,
      skuPrefix: "HARBOUR",
      options: [
        { name: "Colour", values: ["Sea Green", "Sand"] },
        { name: "Size", values: ["S", "M", "L"] },
      ],
    });
    expect(created.slug).toBe("harbour-linen-overshirt");
    const detail = await asManager().admin.products.get({ id: created.id });
    expect(detail).toMatchObject({
      status: "PUBLISHED",
      brandId: brand.id,
      categoryIds: [leaf.id],
      attributeValueIds: [material.id],
      options: [
        { name: "Colour", values: ["Sea Green", "Sand"] },
        { name: "Size", values: ["S", "M", "L"] },
      ],
    });
    expect(detail.variants.map((v) => [v.sku, v.title, v.price, v.available])).toEqual([
      ["HARBOUR-SEA-GREEN-S", "Sea Green / S", 8900, 0],
      ["HARBOUR-SEA-GREEN-M", "Sea Green / M", 8900, 0],
      ["HARBOUR-SEA-GREEN-L", "Sea Green / L", 8900, 0],
      ["HARBOUR-SAND-S", "Sand / S", 8900, 0],
      ["HARBOUR-SAND-M", "Sand / M", 8900, 0],
      ["HARBOUR-SAND-L", "Sand / L", 8900, 0],
    ]);
    // The storefront shows it (sold out until stock arrives), and search finds it by title.
    const shopView = await f.caller.product.bySlug({ slug: created.slug });
    expect(shopView.variants).toHaveLength(6);
    const found = await f.caller.product.list({ q: "harbour overshirt" });
    expect(found.items.map((i) => i.slug)).toContain(created.slug);
    // Inventory hears of the variants through the outbox, written in the same transaction.
    const announced = await f.db.prisma.catalogOutbox.findMany({
      where: { aggregateId: created.id, type: "catalog.variants-added.v1" },
    });
    expect(announced).toHaveLength(1);
    const payload = announced[0]?.payload as { data: { variants: { sku: string }[] } };
    expect(payload.data.variants.map((v) => v.sku)).toEqual(detail.variants.map((v) => v.sku));

    // Variant rows given their own SKU and price on the create page keep them; the range follows.
    const priced = await asManager().admin.products.create({
      title: "Harbour Linen Cap",
      price: 2500,
      skuPrefix: "HARBOUR-CAP",
      options: [{ name: "Size", values: ["S", "L"] }],
      variants: [{ values: ["L"], sku: "HCAP-LARGE", price: 2900 }],
    });
    const cap = await asManager().admin.products.get({ id: priced.id });
    expect(cap.variants.map((v) => [v.sku, v.price])).toEqual([
      ["HARBOUR-CAP-S", 2500],
      ["HCAP-LARGE", 2900],
    ]);
    expect(
      await f.db.prisma.product.findUnique({
        where: { id: priced.id },
        select: { minPrice: true, maxPrice: true },
      }),
    ).toEqual({
      minPrice: 2500,
      maxPrice: 2900,
    });

    // Edit: details replaced, slug kept.
    const other = ref.categories.find((c) => c.depth === 2 && c.id !== leaf.id);
    if (!other) throw new Error("needs a second leaf category");
    await asManager().admin.products.update({
      id: created.id,
      title: "Harbour Linen Overshirt (Relaxed)",
      description: "Now relaxed.",
      brandId: null,
      categoryIds: [other.id, leaf.id],
      attributeValueIds: [],
    });
    const edited = await asManager().admin.products.get({ id: created.id });
    expect(edited).toMatchObject({
      slug: created.slug,
      title: "Harbour Linen Overshirt (Relaxed)",
      brand: null,
      categoryIds: [other.id, leaf.id],
      attributeValueIds: [],
    });

    // A variant with a new colour joins the matrix; the same combination twice is refused.
    const extra = await asManager().admin.variants.create({
      productId: created.id,
      sku: "HARBOUR-RUST-M",
      values: ["Rust", "M"],
      price: 9900,
    });
    expect(extra).toMatchObject({ sku: "HARBOUR-RUST-M", title: "Rust / M", price: 9900 });
    const withExtra = await asManager().admin.products.get({ id: created.id });
    expect(withExtra.options[0]?.values).toEqual(["Sea Green", "Sand", "Rust"]);
    const row = await f.db.prisma.product.findUniqueOrThrow({ where: { id: created.id } });
    expect([row.minPrice, row.maxPrice]).toEqual([8900, 9900]);
    const again = await refusal(
      asManager().admin.variants.create({
        productId: created.id,
        sku: "HARBOUR-RUST-M2",
        values: ["rust", "m"],
        price: 9900,
      }),
    );
    expect(again.message).toMatch(/values: the product already has a rust \/ m variant/);
  });

  it("refuses a bad new product by field and stores nothing of it", async () => {
    const before = await f.db.prisma.product.count();
    const existing = await productWithVariants();
    const base = { title: "Refusal Test Tee", price: 1500, skuPrefix: "REFUSAL" };
    const cases: [Parameters<ReturnType<typeof asManager>["admin"]["products"]["create"]>[0], RegExp][] = [
      [{ ...base, title: "  " }, /title[\s\S]*is required/],
      [{ ...base, slug: existing.slug }, /slug: .*already used/],
      [{ ...base, skuPrefix: "tee lower" }, /skuPrefix[\s\S]*must be capital letters/],
      [{ ...base, skuPrefix: existing.variants[0]?.sku ?? "" }, /skuPrefix: gives SKUs already in use/],
      [{ ...base, price: 0 }, /price/],
      [{ ...base, compareAtPrice: 1000 }, /compareAtPrice/],
      [
        { ...base, categoryIds: ["00000000-0000-4000-8000-000000000999"] },
        /categoryIds.0: is not a category/,
      ],
      [{ ...base, brandId: "00000000-0000-4000-8000-000000000999" }, /brandId: is not a brand/],
      [
        { ...base, options: [{ name: "Size", values: ["M", "L", "m"] }] },
        /options.0.values.2: "m" repeats value 1/,
      ],
      [
        {
          ...base,
          options: [
            { name: "Size", values: ["S"] },
            { name: "size", values: ["L"] },
          ],
        },
        /options.1.name/,
      ],
      [
        {
          ...base,
          options: [
            { name: "A", values: Array.from({ length: 20 }, (_, i) => `a${i}`) },
            { name: "B", values: Array.from({ length: 20 }, (_, i) => `b${i}`) },
          ],
        },
        /options: make 400 variants; at most 100/,
      ],
      [{ ...base, status: "ARCHIVED" as "DRAFT" }, /status/],
      // One currency until multi-currency exists: 1000 JPY would otherwise be charged as $10.00.
      [{ ...base, currency: "JPY" as "USD" }, /currency[\s\S]*must be USD/],
    ];
    for (const [input, message] of cases) {
      const err = await refusal(asManager().admin.products.create(input));
      expect(err.code, JSON.stringify(input)).toBe("BAD_REQUEST");
      expect(err.message).toMatch(message);
    }
    expect(await f.db.prisma.product.count()).toBe(before);
    expect(await f.db.prisma.variant.count({ where: { sku: { startsWith: "REFUSAL" } } })).toBe(0);
    // A support user may read but not create; a manager may create drafts but publishing needs publish.
    const support = TEST_PRINCIPALS.support as Principal;
    expect((await refusal(f.callerAs(support).admin.products.create(base))).code).toBe("FORBIDDEN");
  });

  it("imports products from spreadsheet rows all at once, or reports every bad row and imports none", async () => {
    const ref = await asManager().admin.products.reference();
    const brand = ref.brands[0];
    const [leaf, other] = ref.categories.filter((c) => c.depth === 2);
    const attribute = ref.attributes[0];
    const value = attribute?.values[0];
    if (!brand || !leaf || !other || !attribute || !value) throw new Error("needs a seeded shop");
    const existing = await productWithVariants();
    const columns = [
      "title",
      "brand",
      "categories",
      "attributes",
      "status",
      "price",
      "compare_at_price",
      "sku_prefix",
      "option1_name",
      "option1_values",
      "option2_name",
      "option2_values",
    ];
    const good: Record<string, string>[] = [
      {
        title: "Import Field Jacket",
        brand: brand.name.toUpperCase(),
        categories: `${leaf.path}|${other.path}`,
        attributes: `${attribute.name}: ${value.value}`,
        status: "published",
        price: "129.00",
        compare_at_price: "159",
        sku_prefix: "IMP-JACKET",
        option1_name: "Colour",
        option1_values: "Olive|Navy",
        option2_name: "Size",
        option2_values: "S|M|L",
      },
      { title: "Import Canvas Cap", price: "19.5", sku_prefix: "IMP-CAP" },
      {
        title: "Import Wool Socks",
        price: "12",
        sku_prefix: "IMP-SOCKS",
        option1_name: "Size",
        option1_values: "S/M|L/XL",
      },
    ];
    const bad: Record<string, string>[] = [
      {
        title: "Import Broken",
        brand: "No Such Brand",
        price: "12.345",
        sku_prefix: "IMP-BROKEN",
        categories: "nowhere/at-all",
      },
      {
        title: "Import Jacket Again",
        slug: "import-field-jacket",
        price: "10",
        sku_prefix: "IMP-JACKET",
        option1_name: "Colour",
        option1_values: "Olive",
        option2_name: "Size",
        option2_values: "S",
      },
      { title: "", price: "10", sku_prefix: existing.variants[0]?.sku ?? "" },
    ];
    const before = await f.db.prisma.product.count();
    const refused = await asManager().admin.products.import({
      columns: [...columns, "slug"],
      rows: [...good, ...bad],
      write: true,
    });
    expect(refused.created).toBe(0);
    expect(refused.problems.map((p) => [p.line, p.column])).toEqual([
      [5, "brand"],
      [5, "categories"],
      [5, "price"],
      [6, "slug"],
      [6, "sku_prefix"],
      [7, "title"],
    ]);
    expect(refused.problems[0]?.message).toMatch(/no brand is called "No Such Brand"/);
    expect(refused.problems.find((p) => p.line === 6 && p.column === "slug")?.message).toMatch(
      /also on line 2/,
    );
    expect(await f.db.prisma.product.count()).toBe(before);

    // The header is checked first.
    const header = await asManager().admin.products.import({
      columns: ["title", "prize"],
      rows: [{ title: "x" }],
    });
    expect(header.problems.map((p) => p.message)).toEqual([
      expect.stringMatching(/column "prize" is not one the import knows/),
      'the column "price" is missing',
      'the column "sku_prefix" is missing',
    ]);

    // Checking a slice reports lines of the whole file.
    const slice = await asManager().admin.products.import({ columns, rows: [bad[0] ?? {}], firstLine: 40 });
    expect(new Set(slice.problems.map((p) => p.line))).toEqual(new Set([40]));

    const imported = await asManager().admin.products.import({ columns, rows: good, write: true });
    expect(imported).toMatchObject({ checked: 3, created: 3, problems: [], problemCount: 0 });
    const jacket = await f.db.prisma.product.findUniqueOrThrow({
      where: { slug: "import-field-jacket" },
      include: { variants: true, categories: true, attributes: true },
    });
    expect(jacket).toMatchObject({
      status: "PUBLISHED",
      brandId: brand.id,
      primaryCategoryId: leaf.id,
      minPrice: 12900,
    });
    expect(jacket.variants).toHaveLength(6);
    expect(jacket.variants.every((v) => v.compareAtPrice === 15900)).toBe(true);
    expect(jacket.attributes.map((a) => a.attributeValueId)).toEqual([value.id]);
    const cap = await f.db.prisma.product.findUniqueOrThrow({
      where: { slug: "import-canvas-cap" },
      include: { variants: true },
    });
    expect(cap).toMatchObject({ status: "DRAFT", minPrice: 1950 });
    expect(cap.variants.map((v) => v.sku)).toEqual(["IMP-CAP"]);
    expect(
      await f.db.prisma.catalogOutbox.count({
        where: { type: "catalog.variants-added.v1", aggregateId: { in: [jacket.id, cap.id] } },
      }),
    ).toBe(2);
  });

  it("exports products in the import's own columns, and the export imported back changes nothing", async () => {
    const exported: Record<string, string>[] = [];
    for (let page = 1, pageCount = 1; page <= pageCount; page++) {
      const answer = await asManager().admin.products.export({ page, limit: 50 });
      pageCount = answer.pageCount;
      exported.push(...answer.rows);
    }
    const total = await f.db.prisma.product.count();
    expect(exported).toHaveLength(total);
    const before = await f.db.prisma.product.findMany({
      orderBy: { id: "asc" },
      select: { id: true, updatedAt: true, _count: { select: { variants: true } } },
    });
    const outbox = await f.db.prisma.catalogOutbox.count();

    const columns = [...IMPORT_COLUMNS];
    for (let i = 0; i < exported.length; i += 500) {
      const rows = exported.slice(i, i + 500);
      const again = await asManager().admin.products.import({ columns, rows, write: true });
      expect(again).toMatchObject({ created: 0, unchanged: rows.length, problems: [], problemCount: 0 });
    }
    expect(
      await f.db.prisma.product.findMany({
        orderBy: { id: "asc" },
        select: { id: true, updatedAt: true, _count: { select: { variants: true } } },
      }),
    ).toEqual(before);
    expect(await f.db.prisma.catalogOutbox.count()).toBe(outbox);

    // A row changed in the spreadsheet is not taken for an update: it is named, and nothing is written.
    const first = exported[0];
    if (!first) throw new Error("needs a seeded shop");
    const changed = await asManager().admin.products.import({
      columns,
      rows: [{ ...first, description: `${first.description} (edited)` }],
      write: true,
    });
    expect(changed.created).toBe(0);
    expect(changed.problems).toEqual([
      expect.objectContaining({
        line: 2,
        column: "slug",
        message: expect.stringMatching(/differs from it in description/),
      }),
    ]);
  });

  it("walks every admin procedure × every kind of caller against the matrix", async () => {
    const product = await productWithVariants();
    const variant = product.variants[0];
    if (!variant) throw new Error("fixture needs a variant");
    type Caller = ReturnType<CatalogFixture["callerAs"]>;
    const detail = await asManager().admin.products.get({ id: product.id });
    const { title, description, brandId, categoryIds, attributeValueIds } = detail;
    const valuesFor = (k: number) => detail.options.map((_, i) => `Walk ${k} ${i}`);
    // Creating calls need fresh slugs and SKUs each time, so an allowed second call is not a clash.
    let n = 0;
    const procedures: Record<string, GuardedProcedure<Caller>> = {
      "admin.products.reference": {
        permission: "catalog.products.read",
        call: (c) => c.admin.products.reference(),
      },
      "admin.products.create": {
        permission: "catalog.products.write",
        call: (c) =>
          c.admin.products.create({ title: `Walk product ${++n}`, skuPrefix: `WALK-${n}`, price: 1000 }),
      },
      "admin.products.export": {
        permission: "catalog.products.read",
        call: (c) => c.admin.products.export({ limit: 5 }),
      },
      "admin.products.import": {
        permission: "catalog.products.write",
        call: (c) =>
          c.admin.products.import({
            columns: ["title", "price", "sku_prefix"],
            rows: [{ title: "Walk import", price: "10.00", sku_prefix: "WALK-IMPORT" }],
          }),
      },
      "admin.products.update": {
        permission: "catalog.products.write",
        call: (c) =>
          c.admin.products.update({
            id: product.id,
            title,
            description,
            brandId,
            categoryIds,
            attributeValueIds,
          }),
      },
      "admin.variants.create": {
        permission: "catalog.products.write",
        call: (c) =>
          c.admin.variants.create({
            productId: product.id,
            sku: `WALK-EXTRA-${++n}`,
            values: valuesFor(n),
            price: 1000,
          }),
      },
      "admin.products.list": {
        permission: "catalog.products.read",
        call: (c) => c.admin.products.list({}),
      },
      "admin.products.get": {
        permission: "catalog.products.read",
        call: (c) => c.admin.products.get({ id: product.id }),
      },
      "admin.products.setStatus": {
        permission: "catalog.products.publish",
        call: (c) => c.admin.products.setStatus({ id: product.id, status: "PUBLISHED" }),
      },
      "admin.variants.setPrice": {
        permission: "catalog.prices.write",
        call: (c) => c.admin.variants.setPrice({ variantId: variant.id, price: variant.price }),
      },
      ...mediaWalk(f, product.id),
    };
    // Every admin procedure the router has must be in the walk: a new one without an entry fails here.
    const adminPaths = Object.keys(appRouter._def.procedures).filter((p) => p.startsWith("admin."));
    expect(Object.keys(procedures).sort()).toEqual(adminPaths.sort());
    const { outcomes, unexpected } = await walkPermissionMatrix(procedures, f.callerAs);
    console.log(summarizeMatrix(`catalog on ${target.name}`, outcomes, unexpected));
    expect(unexpected).toEqual([]);
    expect(outcomes).toHaveLength(adminPaths.length * Object.keys(TEST_PRINCIPALS).length);
  });
});
