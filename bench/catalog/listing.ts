// The listing query of bench (b): the catalog's own SQL builder for its default listing (published
// products, newest first, one page with brand, first image and sale price), so the benchmark runs
// exactly what product.list runs. Prisma.Sql carries `.text` ($n placeholders) and `.values`, so raw
// `pg` can run the very same statement.
import type { Prisma } from "@emporium/db";
import { listingItemsSql } from "@emporium/catalog/listing-sql";

export interface ListingInput {
  limit: number;
}

export function listingQuery(input: ListingInput): Prisma.Sql {
  return listingItemsSql({
    categoryIds: null,
    search: null,
    brandIds: [],
    attributeGroups: [],
    priceMin: null,
    priceMax: null,
    inStock: false,
    sort: "newest",
    limit: input.limit,
    keyset: null,
    offset: 0,
  });
}
