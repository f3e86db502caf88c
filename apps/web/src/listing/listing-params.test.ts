import { describe, expect, it } from "vitest";
import {
  centsToDollars,
  dollarsToCents,
  EMPTY_LISTING,
  hasFilters,
  listingHref,
  parseListingParams,
  toggleFacetValue,
  toListInput,
  toSearchParams,
  withoutFilters,
  withPage,
  withPageNumber,
} from "./listing-params";

describe("parseListingParams", () => {
  it("reads brands, attributes, price, stock, sort and cursor from the URL", () => {
    const state = parseListingParams(
      new URLSearchParams(
        "brand=kestrel&brand=linnea&colour=blue&colour=green&size=m&price_min=20&price_max=49.5&in_stock=1&rating=4&sort=price_asc&after=abc",
      ),
    );
    expect(state).toEqual({
      q: "",
      category: null,
      brands: ["kestrel", "linnea"],
      attributes: { colour: ["blue", "green"], size: ["m"] },
      priceMin: 2000,
      priceMax: 4950,
      inStock: true,
      minRating: 4,
      sort: "price_asc",
      cursor: { direction: "after", value: "abc" },
      page: null,
    });
  });

  it("reads a page number, page 1 as the first page, and lets a cursor win over a number", () => {
    expect(parseListingParams(new URLSearchParams("page=3"))).toMatchObject({ page: 3, cursor: null });
    for (const page of ["1", "0", "-2", "x", "2.5", ""])
      expect(parseListingParams(new URLSearchParams({ page })).page).toBeNull();
    expect(parseListingParams(new URLSearchParams("page=3&before=abc"))).toMatchObject({
      page: null,
      cursor: { direction: "before", value: "abc" },
    });
  });

  it("reads a customer rating of 1 to 4 stars and a sort by rating, nothing else", () => {
    expect(parseListingParams(new URLSearchParams("rating=3&sort=rating"))).toMatchObject({
      minRating: 3,
      sort: "rating",
      attributes: {},
    });
    for (const rating of ["0", "5", "4.5", "four", ""])
      expect(parseListingParams(new URLSearchParams({ rating })).minRating).toBeNull();
  });

  it("accepts Next's searchParams record with repeated keys", () => {
    const state = parseListingParams({ brand: ["kestrel", "linnea"], colour: "blue", q: "  linen shirt " });
    expect(state.brands).toEqual(["kestrel", "linnea"]);
    expect(state.attributes).toEqual({ colour: ["blue"] });
    expect(state.q).toBe("linen shirt");
  });

  it("drops values the catalog would refuse instead of failing the page", () => {
    const state = parseListingParams(
      new URLSearchParams(
        "brand=Not A Slug&utm_source=news&colour=&price_min=abc&price_max=-5&sort=cheapest&category=../x&rating=5",
      ),
    );
    expect(state).toEqual(EMPTY_LISTING);
  });

  it("swaps a reversed price range", () => {
    const state = parseListingParams(new URLSearchParams("price_min=80&price_max=20"));
    expect([state.priceMin, state.priceMax]).toEqual([2000, 8000]);
  });

  it("reads a backward cursor", () => {
    expect(parseListingParams(new URLSearchParams("before=xyz")).cursor).toEqual({
      direction: "before",
      value: "xyz",
    });
  });

  it("keeps the query to the catalog's maximum length", () => {
    expect(parseListingParams(new URLSearchParams(`q=${"a".repeat(150)}`)).q).toHaveLength(100);
  });
});

describe("toSearchParams / listingHref", () => {
  it("writes a canonical URL that parses back to the same state", () => {
    const url =
      "q=shirt&rating=3&brand=linnea&brand=kestrel&size=m&colour=green&colour=blue&price_min=20&in_stock=1&sort=newest";
    const state = parseListingParams(new URLSearchParams(url));
    const written = toSearchParams(state).toString();
    expect(written).toBe(
      "q=shirt&brand=kestrel&brand=linnea&colour=blue&colour=green&size=m&price_min=20&in_stock=1&rating=3&sort=newest",
    );
    expect(parseListingParams(new URLSearchParams(written))).toEqual(state);
  });

  it("leaves the path bare when nothing is set", () => {
    expect(listingHref("/c/clothing", EMPTY_LISTING)).toBe("/c/clothing");
  });
});

describe("changing the listing", () => {
  const page2 = parseListingParams(new URLSearchParams("brand=kestrel&sort=price_asc&after=abc"));

  it("toggles facet values and goes back to the first page", () => {
    const added = toggleFacetValue(page2, "colour", "blue");
    expect(listingHref("/c/tops", added)).toBe("/c/tops?brand=kestrel&colour=blue&sort=price_asc");
    const removed = toggleFacetValue(added, "brand", "kestrel");
    expect(listingHref("/c/tops", removed)).toBe("/c/tops?colour=blue&sort=price_asc");
    expect(listingHref("/c/tops", toggleFacetValue(removed, "colour", "blue"))).toBe(
      "/c/tops?sort=price_asc",
    );
  });

  it("clears filters but keeps the search and the order", () => {
    const state = parseListingParams(
      new URLSearchParams("q=linen&brand=kestrel&in_stock=1&rating=4&sort=price_desc&after=x"),
    );
    expect(hasFilters(state)).toBe(true);
    const cleared = withoutFilters(state);
    expect(hasFilters(cleared)).toBe(false);
    expect(hasFilters(parseListingParams(new URLSearchParams("rating=2")))).toBe(true);
    expect(listingHref("/search", cleared)).toBe("/search?q=linen&sort=price_desc");
  });
});

describe("toListInput", () => {
  it("builds the catalog input, with the category from the page path", () => {
    const state = parseListingParams(
      new URLSearchParams("brand=kestrel&colour=blue&price_max=50&in_stock=1&rating=4&sort=rating&after=abc"),
    );
    expect(toListInput(state, { category: "clothing/tops" })).toEqual({
      category: "clothing/tops",
      brands: ["kestrel"],
      attributes: { colour: ["blue"] },
      priceMax: 5000,
      inStock: true,
      minRating: 4,
      sort: "rating",
      cursor: "abc",
      limit: 24,
      facets: true,
    });
  });

  it("narrows a search by the category parameter", () => {
    const state = parseListingParams(new URLSearchParams("q=hoodie&category=clothing/tops"));
    expect(toListInput(state)).toEqual({ q: "hoodie", category: "clothing/tops", limit: 24, facets: true });
  });
});

describe("money in the URL", () => {
  it("converts between dollars typed by shoppers and cents", () => {
    expect(dollarsToCents("19.99")).toBe(1999);
    expect(dollarsToCents("20")).toBe(2000);
    expect(dollarsToCents("0.1")).toBe(10);
    expect(dollarsToCents("1e3")).toBeNull();
    expect(dollarsToCents("")).toBeNull();
    expect(centsToDollars(1999)).toBe("19.99");
    expect(centsToDollars(2000)).toBe("20");
    expect(centsToDollars(2050)).toBe("20.50");
  });
});

describe("page numbers", () => {
  it("writes page=N, drops it for page 1 and for any change to what is listed", () => {
    const base = parseListingParams(new URLSearchParams("brand=kestrel&sort=price_asc"));
    expect(listingHref("/c/tops", withPageNumber(base, 3))).toBe(
      "/c/tops?brand=kestrel&sort=price_asc&page=3",
    );
    expect(listingHref("/c/tops", withPageNumber(base, 1))).toBe("/c/tops?brand=kestrel&sort=price_asc");
    const third = withPageNumber(base, 3);
    expect(toggleFacetValue(third, "brand", "linnea").page).toBeNull();
    expect(withPage(third, { direction: "after", value: "c" }).page).toBeNull();
    expect(toListInput(third, { category: "tops" })).toMatchObject({ category: "tops", page: 3 });
    expect(toListInput(base, { category: "tops" })).not.toHaveProperty("page");
  });
});
