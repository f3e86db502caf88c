import { describe, expect, it } from "vitest";
import { effectiveSort, listingCacheKey, normalizeListing } from "./listing";

describe("normalizeListing", () => {
  it("gives the same cache key for the same filters in any order", () => {
    const a = normalizeListing({
      limit: 24,
      brands: ["b", "a", "a"],
      attributes: { fit: ["slim"], colour: ["red", "blue"], material: [] },
    });
    const b = normalizeListing({
      limit: 24,
      brands: ["a", "b"],
      attributes: { colour: ["blue", "red"], fit: ["slim"] },
    });
    expect(listingCacheKey(a)).toBe(listingCacheKey(b));
    expect(a.attributes).toEqual([
      { slug: "colour", values: ["blue", "red"] },
      { slug: "fit", values: ["slim"] },
    ]);
  });

  it("treats a blank query as no query", () => {
    expect(normalizeListing({ limit: 24, q: "   " }).q).toBeNull();
  });
});

describe("effectiveSort", () => {
  it("defaults to relevance for searches and newest otherwise", () => {
    expect(effectiveSort(undefined, true)).toBe("relevance");
    expect(effectiveSort(undefined, false)).toBe("newest");
    expect(effectiveSort("relevance", false)).toBe("newest");
    expect(effectiveSort("price_desc", true)).toBe("price_desc");
  });
});
