// The seed on PGlite and PostgreSQL: fills an empty database with images and rows, indexes products
// for search, and changes nothing on a database that is already seeded.
import { mkdtemp, readdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { LocalFolderStore } from "@emporium/storage";
import type { Database } from "@emporium/db";
import { testDatabaseTargets, type TestDatabase } from "@emporium/db/testing";
import { realServer } from "@emporium/testkit";
import { createScratchDatabase } from "@emporium/db/testing";
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { generateShop, isSeeded, seed } from "../src";

describe.each(testDatabaseTargets("seed"))("seed on $name", (target) => {
  let test: TestDatabase;
  let db: Database;
  let mediaDir: string;

  beforeAll(async () => {
    test = await target.create();
    db = test.db;
    mediaDir = await mkdtemp(path.join(tmpdir(), "emporium-media-"));
  });
  afterAll(async () => {
    await test?.dispose();
    if (mediaDir) await rm(mediaDir, { recursive: true, force: true });
  });

  it("fills an empty database, images included, reporting progress", async () => {
    expect(await isSeeded(db)).toBe(false);
    const stages = new Set<string>();
    const result = await seed(db, {
      seed: 3,
      products: 40,
      store: new LocalFolderStore(mediaDir),
      onProgress: (_done, _total, stage) => stages.add(stage),
    });
    expect(result.skipped).toBe(false);
    expect(stages).toEqual(new Set(["images", "rows"]));
    expect(await db.prisma.product.count()).toBe(40);
    expect(await db.prisma.variant.count()).toBe(result.counts.variants);
    expect(await db.prisma.stockLevel.count()).toBe(result.counts.stockLevels);
    const media = await db.prisma.media.findMany({ select: { key: true } });
    const store = new LocalFolderStore(mediaDir);
    for (const m of media.slice(0, 10)) expect(await store.exists(m.key)).toBe(true);
    expect((await readdir(path.join(mediaDir, "products"))).length).toBe(40);
  });

  it("stores every generated value as written: dates, enums, nulls and numbers", async () => {
    const shop = generateShop(3, 40);
    const product = shop.products[7];
    const level = shop.stockLevels[5];
    if (!product || !level) throw new Error("the generated shop is smaller than expected");
    const stored = await db.prisma.product.findUniqueOrThrow({ where: { id: product.id } });
    expect(stored).toMatchObject({
      slug: product.slug,
      title: product.title,
      status: product.status,
      publishedAt: product.publishedAt ?? null,
      createdAt: product.createdAt,
      updatedAt: product.updatedAt,
    });
    const storedLevel = await db.prisma.stockLevel.findFirstOrThrow({
      where: { variantId: level.variantId, locationId: level.locationId },
    });
    expect(storedLevel).toMatchObject({ onHand: level.onHand, available: level.available, sku: level.sku });
  });

  it("indexes products for search as they are inserted", async () => {
    const rows = await db.sql.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM catalog.products WHERE search_vector IS NULL",
    );
    expect(rows[0]?.n).toBe(0);
    const words = await db.sql.query<{ n: number }>("SELECT count(*)::int AS n FROM catalog.search_words");
    expect(words[0]?.n).toBeGreaterThan(20);
  });

  it("changes nothing when run again", async () => {
    const before = await db.prisma.variant.count();
    const again = await seed(db, { seed: 99, products: 10, store: null });
    expect(again.skipped).toBe(true);
    expect(await db.prisma.product.count()).toBe(40);
    expect(await db.prisma.variant.count()).toBe(before);
  });
});

// The catalog seeds an empty database on its first start (compose's SEED_ON_START) inside its production
// heap of 128 MB. Through Prisma's createMany the default shop's rows held the heap past 300 MB and the
// catalog died on first start; the seed must fit with room to spare.
const postgres = realServer("TEST_DATABASE_URL", "seed within the catalog's heap on PostgreSQL").url;
describe.runIf(postgres)("seed within the catalog's production heap", () => {
  it("writes the default 2,000-product shop in a process limited to a 128 MB heap", async () => {
    const scratch = await createScratchDatabase(postgres ?? "", "emporium_seed_heap");
    try {
      const { stdout } = await promisify(execFile)(
        process.execPath,
        ["--max-old-space-size=128", "--import", "tsx", "src/cli.ts", "--no-images"],
        {
          cwd: path.join(import.meta.dirname, ".."),
          env: { ...process.env, DATABASE_URL: scratch.url },
          timeout: 240_000,
        },
      );
      expect(stdout).toMatch(/seeded .* 2000 products/);
    } finally {
      await scratch.drop();
    }
  }, 300_000);
});
