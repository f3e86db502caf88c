// Seeds an empty database with a generated shop: images first (skipping those already stored), then
// every row in one transaction — so a seed interrupted half-way leaves nothing behind, and running it
// again on a seeded database changes nothing.
// Its own package rather than part of @emporium/db or the catalog: the demo shop spans two services'
// schemas (the catalog's products and media, the inventory's locations and stock) and renders images
// with sharp into an object store, so it sits above db and storage and is used by whoever starts an
// empty shop — the catalog's first start, `npm run dev`, the benchmarks and the system tests.
import type { ObjectStore } from "@emporium/storage";
import type { Database, SqlSession } from "@emporium/db";
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

/** Each generated table and where its rows go, in an order that satisfies the foreign keys. */
const TABLES: ReadonlyArray<readonly [Exclude<keyof GeneratedShop, "images">, string]> = [
  ["brands", "catalog.brands"],
  ["categories", "catalog.categories"],
  ["attributes", "catalog.attributes"],
  ["attributeValues", "catalog.attribute_values"],
  ["products", "catalog.products"],
  ["productCategories", "catalog.product_categories"],
  ["productAttributeValues", "catalog.product_attribute_values"],
  ["options", "catalog.product_options"],
  ["optionValues", "catalog.product_option_values"],
  ["variants", "catalog.variants"],
  ["variantOptionValues", "catalog.variant_option_values"],
  ["media", "catalog.media"],
  ["locations", "inventory.locations"],
  ["stockLevels", "inventory.stock_levels"],
];

/** A field's column: every column is its field's name in snake case (createdAt → created_at). */
const columnOf = (field: string) => field.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

/**
 * Inserts rows as one statement with one parameter: the rows as JSON, read back into the table's row
 * type by json_populate_recordset, so PostgreSQL converts every value to its column's type (enums,
 * timestamps, arrays). Through Prisma's createMany the same rows held the seeding process's heap past
 * 300 MB (2,000-row statements compiled into query plans with a node per value, kept until the end),
 * and the catalog, which seeds on its first start with a 128 MB heap, ran out of memory.
 */
async function insertRows(tx: SqlSession, table: string, rows: readonly object[]): Promise<void> {
  const first = rows[0];
  if (!first) return;
  const columns = Object.keys(first)
    .map((field) => `"${columnOf(field)}"`)
    .join(", ");
  const json = JSON.stringify(
    rows.map((row) => Object.fromEntries(Object.entries(row).map(([k, v]) => [columnOf(k), v]))),
  );
  await tx.query(
    `INSERT INTO ${table} (${columns}) SELECT ${columns} FROM json_populate_recordset(NULL::${table}, $1::json)`,
    [json],
  );
}
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
  await db.transaction(async (tx) => {
    // Re-checked inside the transaction: two processes seeding at once must not both insert. The
    // second waits for the first however long its seeding takes (past the pool's statement timeout).
    await tx.query("SET LOCAL statement_timeout = 0");
    await tx.query("LOCK TABLE catalog.products IN EXCLUSIVE MODE");
    const [present] = await tx.query<{ seeded: boolean }>(
      "SELECT EXISTS (SELECT 1 FROM catalog.products) AS seeded",
    );
    if (present?.seeded) return;
    for (const [key, table] of TABLES) {
      const rows: readonly object[] = shop[key];
      for (let i = 0; i < rows.length; i += CHUNK) {
        const chunk = rows.slice(i, i + CHUNK);
        await insertRows(tx, table, chunk);
        written += chunk.length;
        report(written, totalRows, "rows");
      }
    }
  });
  return { skipped: false, counts };
}

export { generateShop, type GeneratedShop } from "./generate";
export { createProgressReporter, type ProgressReporter } from "./progress";
export { seedEnv } from "./env";
