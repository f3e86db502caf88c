// Keyset paging over a product's approved reviews. Each sort order is a key, then newest first, then
// id; a cursor carries those three values of the last review on a page, and the next page starts
// strictly after them. A cursor only works with the sort order it was made for; anything tampered with
// is refused as bad input naming `cursor` rather than reaching the store.
import { z } from "zod";
import { InvalidInputError } from "@emporium/service-kit/errors";
import type { Review, ReviewSort } from "./types";

/** The position of a review in one sort order: everything the next page needs to start after it. */
export interface ReviewCursor {
  sort: ReviewSort;
  /** The rating or helpful count for those orders; null for newest, which sorts by createdAt alone. */
  key: number | null;
  createdAt: string;
  id: string;
}

const payload = z.strictObject({
  sort: z.enum(["newest", "helpful", "rating_desc", "rating_asc"]),
  key: z.number().int().min(0).max(1_000_000_000).nullable(),
  createdAt: z.iso.datetime().refine((iso) => {
    const t = Date.parse(iso);
    return t >= 0 && t < Date.UTC(10_000, 0, 1);
  }),
  id: z.uuid(),
});

/** The sort key of a review in `sort`: what the store orders by before createdAt and id. */
export function sortKeyOf(review: Pick<Review, "rating" | "helpfulCount">, sort: ReviewSort): number | null {
  switch (sort) {
    case "newest":
      return null;
    case "helpful":
      return review.helpfulCount;
    case "rating_desc":
    case "rating_asc":
      return review.rating;
  }
}

export function cursorAfter(review: Review, sort: ReviewSort): ReviewCursor {
  return { sort, key: sortKeyOf(review, sort), createdAt: review.createdAt, id: review.id };
}

export function encodeCursor(cursor: ReviewCursor): string {
  return Buffer.from(JSON.stringify(cursor)).toString("base64url");
}

const refused = () => new InvalidInputError("cursor", "is not a cursor this service issued");

export function decodeCursor(raw: string, sort: ReviewSort): ReviewCursor {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(raw, "base64url").toString("utf8"));
  } catch {
    throw refused();
  }
  const result = payload.safeParse(parsed);
  if (!result.success) throw refused();
  const cursor = result.data;
  if (cursor.sort !== sort)
    throw new InvalidInputError("cursor", `belongs to sort order "${cursor.sort}", not "${sort}"`);
  const wantsKey = sort !== "newest";
  if (wantsKey !== (cursor.key !== null)) throw refused();
  const ratingSort = sort === "rating_desc" || sort === "rating_asc";
  if (ratingSort && cursor.key !== null && (cursor.key < 1 || cursor.key > 5)) throw refused();
  return cursor;
}

/**
 * Whether `review` comes strictly after `cursor` in its sort order — the rule the stores' queries
 * implement (the memory store with this function, the Mongo store as an $or of the same three cases).
 */
export function comesAfter(review: Review, cursor: ReviewCursor): boolean {
  const key = sortKeyOf(review, cursor.sort);
  if (key !== null && cursor.key !== null && key !== cursor.key)
    return cursor.sort === "rating_asc" ? key > cursor.key : key < cursor.key;
  if (review.createdAt !== cursor.createdAt) return review.createdAt < cursor.createdAt;
  return review.id < cursor.id;
}

/** Orders two reviews as `sort` lists them: the comparator the memory store sorts with. */
export function compareIn(sort: ReviewSort): (a: Review, b: Review) => number {
  return (a, b) => {
    const ka = sortKeyOf(a, sort);
    const kb = sortKeyOf(b, sort);
    if (ka !== null && kb !== null && ka !== kb) return sort === "rating_asc" ? ka - kb : kb - ka;
    if (a.createdAt !== b.createdAt) return a.createdAt < b.createdAt ? 1 : -1;
    return a.id < b.id ? 1 : a.id > b.id ? -1 : 0;
  };
}
