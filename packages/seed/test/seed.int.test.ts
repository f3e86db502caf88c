// The seed on PGlite and PostgreSQL: fills an empty database with images and rows, indexes products
// for search, and changes nothing on a database that is already seeded.
import { mkdtemp, readdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { LocalFolderStore } from "@emporium/storage";
import type { Database } from "@emporium/db";
import { testDatabaseTargets, type TestDatabase } from "@emporium/db/testing";
import { isSeeded, seed } from "../src";

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
