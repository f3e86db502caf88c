// Seeds an empty database with a generated shop: images first (skipping those already stored), then
// every row in one transaction — so a seed interrupted half-way leaves nothing behind, and running it
// again on a seeded database changes nothing.
// Its own package rather than part of @emporium/db or the catalog: the demo shop spans two services'
// schemas (the catalog's products and media, the inventory's locations and stock) and renders images
// with sharp into an object store, so it sits above db and storage and is used by whoever starts an
// empty shop — the catalog's first start, `npm run dev`, the benchmarks and the system tests.
import type { ObjectStore } from "@emporium/storage";
import type { Database } from "@emporium/db";
import { generateShop, type GeneratedShop, type ImageSpec } from "./generate";

export type SeedStage = "images" | "rows";

export interface SeedOptions {
  /** Same seed, same shop (default 42). */
  seed?: number;
  /** Number of products (default 2000). */
  products?: number;
  /** Where product images go; null skips rendering them (the media rows are still written). */
  store: ObjectStore | null;
  onProgress?: (done: number, total: number, stage: SeedStage) => void;
}

export interface SeedResult {
  skipped: boolean;
  counts: Record<string, number>;
}

const CHUNK = 2_000;
const IMAGE_CONCURRENCY = 4;

export async function isSeeded(db: Database): Promise<boolean> {
  const rows = await db.sql.query<{ seeded: boolean }>(
    "SELECT EXISTS (SELECT 1 FROM catalog.products) AS seeded",
  );
  return rows[0]?.seeded === true;
}

async function writeImages(
  store: ObjectStore,
  images: ImageSpec[],
  onProgress: (done: number, total: number) => void,
): Promise<void> {
  // sharp (libvips) is loaded only when images are actually rendered.
  const { renderImage } = await import("./images");
  let next = 0;
  let done = 0;
  const worker = async (): Promise<void> => {
    for (let i = next++; i < images.length; i = next++) {
      const spec = images[i];
      if (spec && !(await store.exists(spec.key)))
        await store.put(spec.key, await renderImage(spec), "image/webp");
      onProgress(++done, images.length);
    }
  };
  await Promise.all(Array.from({ length: IMAGE_CONCURRENCY }, worker));
}

function countsOf(shop: GeneratedShop): Record<string, number> {
  const { images: _images, ...tables } = shop;
  return Object.fromEntries(Object.entries(tables).map(([name, rows]) => [name, rows.length]));
}

export async function seed(db: Database, options: SeedOptions): Promise<SeedResult> {
  const shop = generateShop(options.seed ?? 42, options.products ?? 2000);
  const counts = countsOf(shop);
  if (await isSeeded(db)) return { skipped: true, counts };
  const report = options.onProgress ?? (() => undefined);

  if (options.store) await writeImages(options.store, shop.images, (d, t) => report(d, t, "images"));

  const totalRows = Object.values(counts).reduce((a, b) => a + b, 0);
  let written = 0;
  report(0, totalRows, "rows");
  await db.prisma.$transaction(
    async (tx) => {
      // Re-checked inside the transaction: two processes seeding at once must not both insert. The
      // second waits for the first however long its seeding takes (past the pool's statement timeout).
      await tx.$executeRawUnsafe("SET LOCAL statement_timeout = 0");
      await tx.$executeRawUnsafe("LOCK TABLE catalog.products IN EXCLUSIVE MODE");
      const present = await tx.product.count();
      if (present > 0) return;
      const insert = async <T>(rows: T[], createMany: (chunk: T[]) => Promise<unknown>) => {
        for (let i = 0; i < rows.length; i += CHUNK) {
          const chunk = rows.slice(i, i + CHUNK);
          await createMany(chunk);
          written += chunk.length;
          report(written, totalRows, "rows");
        }
      };
      await insert(shop.brands, (data) => tx.brand.createMany({ data }));
      await insert(shop.categories, (data) => tx.category.createMany({ data }));
      await insert(shop.attributes, (data) => tx.attribute.createMany({ data }));
      await insert(shop.attributeValues, (data) => tx.attributeValue.createMany({ data }));
      await insert(shop.products, (data) => tx.product.createMany({ data }));
      await insert(shop.productCategories, (data) => tx.productCategory.createMany({ data }));
      await insert(shop.productAttributeValues, (data) => tx.productAttributeValue.createMany({ data }));
      await insert(shop.options, (data) => tx.productOption.createMany({ data }));
      await insert(shop.optionValues, (data) => tx.productOptionValue.createMany({ data }));
      await insert(shop.variants, (data) => tx.variant.createMany({ data }));
      await insert(shop.variantOptionValues, (data) => tx.variantOptionValue.createMany({ data }));
      await insert(shop.media, (data) => tx.media.createMany({ data }));
      await insert(shop.locations, (data) => tx.location.createMany({ data }));
      await insert(shop.stockLevels, (data) => tx.stockLevel.createMany({ data }));
    },
    { timeout: 15 * 60_000, maxWait: 60_000 },
  );
  return { skipped: false, counts };
}

export { generateShop, type GeneratedShop } from "./generate";
export { createProgressReporter, type ProgressReporter } from "./progress";
export { seedEnv } from "./env";
