import { describe, expect, it } from "vitest";
import { InvalidInputError } from "@emporium/service-kit/errors";
import { comesAfter, compareIn, cursorAfter, decodeCursor, encodeCursor } from "./cursor";
import { newReview } from "./review";
import { REVIEW_SORTS, type Rating, type Review } from "./types";

const ids = [
  "00000000-0000-4000-8000-000000000001",
  "00000000-0000-4000-8000-000000000002",
  "00000000-0000-4000-8000-000000000003",
  "00000000-0000-4000-8000-000000000004",
  "00000000-0000-4000-8000-000000000005",
  "00000000-0000-4000-8000-000000000006",
];

function review(i: number, rating: Rating, helpfulCount: number, minute: number): Review {
  const r = newReview(
    { id: ids[i] ?? "", productId: "p", customerId: `c${i}`, rating, title: "t", body: "b" },
    new Date(Date.UTC(2026, 0, 1, 0, minute)),
  );
  return { ...r, status: "approved", helpfulCount };
}

// Ties everywhere: two share a minute, several share a rating or a helpful count.
const all = [
  review(0, 5, 2, 1),
  review(1, 3, 0, 2),
  review(2, 5, 2, 2),
  review(3, 1, 7, 3),
  review(4, 3, 0, 4),
  review(5, 4, 2, 1),
];

describe("review cursors", () => {
  it.each(REVIEW_SORTS)("page through every review exactly once in %s order", (sort) => {
    const ordered = [...all].sort(compareIn(sort));
    for (let i = 0; i < ordered.length - 1; i++) {
      const c = decodeCursor(encodeCursor(cursorAfter(ordered[i] as Review, sort)), sort);
      const rest = ordered.filter((r) => comesAfter(r, c));
      expect(rest.map((r) => r.id)).toEqual(ordered.slice(i + 1).map((r) => r.id));
    }
  });

  it("orders as a shopper expects", () => {
    const by = (sort: (typeof REVIEW_SORTS)[number]) => [...all].sort(compareIn(sort)).map((r) => r.id);
    expect(by("newest").slice(0, 2)).toEqual([ids[4], ids[3]]);
    expect(by("helpful")[0]).toBe(ids[3]);
    expect(by("rating_desc").slice(0, 2)).toEqual([ids[2], ids[0]]);
    expect(by("rating_asc").slice(0, 3)).toEqual([ids[3], ids[4], ids[1]]);
  });

  it("refuses a cursor of another order, a forged one and garbage, naming the cursor", () => {
    const newest = encodeCursor(cursorAfter(all[0] as Review, "newest"));
    const forge = (o: object) => Buffer.from(JSON.stringify(o)).toString("base64url");
    const bad = [
      ["helpful", newest],
      ["newest", "not a cursor"],
      ["newest", forge({ sort: "newest", key: null, createdAt: "0000-01-01T00:00:00.000Z", id: ids[0] })],
      [
        "rating_desc",
        forge({ sort: "rating_desc", key: 9, createdAt: "2026-01-01T00:00:00.000Z", id: ids[0] }),
      ],
      ["helpful", forge({ sort: "helpful", key: null, createdAt: "2026-01-01T00:00:00.000Z", id: ids[0] })],
      [
        "newest",
        forge({ sort: "newest", key: null, createdAt: "2026-01-01T00:00:00.000Z", id: "x", $gt: 1 }),
      ],
    ] as const;
    for (const [sort, raw] of bad) {
      const err = (() => {
        try {
          decodeCursor(raw, sort);
        } catch (e) {
          return e;
        }
      })();
      expect(err, raw).toBeInstanceOf(InvalidInputError);
      expect((err as InvalidInputError).field).toBe("cursor");
    }
  });
});
