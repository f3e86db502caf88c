// product.list's input: category, search text, facet filters, price range, sort and page.
import { z } from "zod";
import { MAX_OFFSET } from "../../../domain/paging";
import { MAX_QUERY_LENGTH } from "../../../domain/search-query";
import { amount, categoryPath, slug } from "../schemas";

export const MAX_PAGE_SIZE = 60;

export const listInput = z
  .strictObject({
    category: categoryPath.optional(),
    q: z.string().max(MAX_QUERY_LENGTH, `must be at most ${MAX_QUERY_LENGTH} characters`).optional(),
    brands: z.array(slug).max(20, "at most 20 brands at once").optional(),
    attributes: z
      .record(slug, z.array(slug).max(30, "at most 30 values per attribute"))
      .refine((r) => Object.keys(r).length <= 10, "at most 10 attributes at once")
      .optional(),
    priceMin: amount.optional(),
    priceMax: amount.optional(),
    inStock: z.boolean().optional(),
    minRating: z.number().int().min(1, "must be 1 to 4 stars").max(4, "must be 1 to 4 stars").optional(),
    sort: z.enum(["relevance", "newest", "price_asc", "price_desc", "rating"]).optional(),
    limit: z.number().int().min(1).max(MAX_PAGE_SIZE, `must be at most ${MAX_PAGE_SIZE}`).default(24),
    cursor: z.string().max(512).optional(),
    // Opens page N directly (OFFSET (N-1)×limit), for numbered page links: keyset cursors can only
    // reach the pages next to one already seen. Bounded like offset cursors, so it stays cheap.
    page: z.number().int().min(1).optional(),
    facets: z.boolean().optional(),
  })
  .refine((i) => i.page === undefined || i.cursor === undefined, {
    path: ["page"],
    message: "cannot be combined with a cursor",
  })
  .refine((i) => i.page === undefined || (i.page - 1) * i.limit <= MAX_OFFSET, {
    path: ["page"],
    message: `must start within the first ${MAX_OFFSET.toLocaleString("en-US")} products`,
  })
  .refine((i) => i.priceMin === undefined || i.priceMax === undefined || i.priceMin <= i.priceMax, {
    path: ["priceMin"],
    message: "must not be greater than priceMax",
  });

export type ListInput = z.infer<typeof listInput>;
