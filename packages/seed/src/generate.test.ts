// The generated shop is deterministic and consistent: the same seed gives the same rows, and every
// figure the catalog shows (a variant's stock) agrees with the rows it is derived from.
import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { generateShop } from "./generate";

const fingerprint = (seed: number, products: number) =>
  createHash("sha256")
    .update(JSON.stringify(generateShop(seed, products)))
    .digest("hex");

describe("generateShop", () => {
  it("is deterministic: the same seed gives the same shop, another seed another shop", () => {
    expect(fingerprint(42, 300)).toBe(fingerprint(42, 300));
    expect(fingerprint(42, 300)).not.toBe(fingerprint(7, 300));
  });

  const shop = generateShop(42, 2000);

  it("makes a realistic catalog of the promised size", () => {
    expect(shop.products).toHaveLength(2000);
    expect(shop.variants.length).toBeGreaterThanOrEqual(6000);
    expect(shop.categories.length).toBeGreaterThanOrEqual(12);
    expect(shop.brands.length).toBeGreaterThanOrEqual(10);
    expect(shop.locations.length).toBeGreaterThanOrEqual(2);
    expect(new Set(shop.attributes.map((a) => a.slug))).toEqual(
      new Set(["colour", "material", "fit", "pattern", "style", "sustainability"]),
    );
  });

  it("keeps identifiers unique and references intact", () => {
    expect(new Set(shop.products.map((p) => p.slug)).size).toBe(shop.products.length);
    expect(new Set(shop.variants.map((v) => v.sku)).size).toBe(shop.variants.length);
    const productIds = new Set(shop.products.map((p) => p.id));
    expect(shop.variants.every((v) => productIds.has(v.productId))).toBe(true);
    const categoryIds = new Set(shop.categories.map((c) => c.id));
    expect(
      shop.categories.every(
        (c) => c.parentId === null || (c.parentId !== undefined && categoryIds.has(c.parentId)),
      ),
    ).toBe(true);
  });

  it("keeps the catalog's read models consistent with inventory", () => {
    const stockByVariant = new Map<string, number>();
    for (const s of shop.stockLevels)
      stockByVariant.set(s.variantId, (stockByVariant.get(s.variantId) ?? 0) + s.available);
    for (const v of shop.variants) expect(v.available).toBe(stockByVariant.get(v.id) ?? 0);
    for (const p of shop.products) {
      const own = shop.variants.filter((v) => v.productId === p.id);
      expect(p.minPrice).toBe(Math.min(...own.map((v) => v.price)));
      expect(p.maxPrice).toBe(Math.max(...own.map((v) => v.price)));
      expect(p.inStock).toBe(own.some((v) => (v.available ?? 0) > 0));
    }
  });

  it("prices in whole cents, with compare-at prices above the sale price", () => {
    for (const v of shop.variants) {
      expect(Number.isInteger(v.price) && v.price > 0).toBe(true);
      if (v.compareAtPrice != null) expect(v.compareAtPrice).toBeGreaterThan(v.price);
    }
  });

  it("gives every product an image per shown colour", () => {
    const withMedia = new Set(shop.media.map((m) => m.productId));
    expect(withMedia.size).toBe(shop.products.length);
    expect(shop.images).toHaveLength(shop.media.length);
  });
});
